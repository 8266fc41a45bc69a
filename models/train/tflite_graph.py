"""In-memory description of a single-subgraph TFLite model, shared by the writer and the reader.

The writer serializes a Graph; the reader parses a .tflite file back into the same classes, so a
written model can be read back and simulated (which is how every exported variant is evaluated: the
accuracies in the READMEs come from the bytes that are committed, not from the training arrays).
Enum-valued fields hold the schema's integer values; builtin options are (table name, {Field:
value}) with the generated accessor names (e.g. ("Conv2DOptions", {"Padding": 1, "StrideW": 1})).
"""

from dataclasses import dataclass, field
from typing import Optional

import numpy as np

# TensorType value -> numpy dtype (little endian, as TFLite stores buffers).
NUMPY_TYPES = {0: "<f4", 1: "<f2", 2: "<i4", 3: "u1", 4: "<i8", 6: "?", 7: "<i2", 9: "i1"}
TYPE_NAMES = {0: "FLOAT32", 1: "FLOAT16", 2: "INT32", 3: "UINT8", 4: "INT64", 6: "BOOL",
              7: "INT16", 9: "INT8"}


@dataclass
class Tensor:
    name: str
    shape: tuple
    dtype: int  # TensorType value
    data: Optional[np.ndarray] = None  # constant contents, None for activations
    scale: Optional[np.ndarray] = None  # float32 [n] when quantized
    zero_point: Optional[np.ndarray] = None  # int64 [n] when quantized
    quantized_dimension: int = 0
    shape_signature: Optional[tuple] = None
    buffer: int = 0  # filled in by the reader

    @property
    def quantized(self):
        return self.scale is not None and len(self.scale) > 0

    @property
    def numpy_dtype(self):
        return np.dtype(NUMPY_TYPES[self.dtype])


@dataclass
class Operator:
    opcode: int  # BuiltinOperator value
    version: int
    inputs: list
    outputs: list
    options: Optional[tuple] = None  # (options table name, {AccessorName: value})

    def option(self, name, default=None):
        return self.options[1].get(name, default) if self.options else default


@dataclass
class Graph:
    tensors: list = field(default_factory=list)
    operators: list = field(default_factory=list)
    inputs: list = field(default_factory=list)
    outputs: list = field(default_factory=list)
    description: str = ""
    subgraph_name: str = "main"
    # SignatureDef: (key, [(input alias, tensor index)], [(output alias, tensor index)]) or None.
    signature: Optional[tuple] = None

    def add_tensor(self, tensor):
        self.tensors.append(tensor)
        return len(self.tensors) - 1

    def add_operator(self, op):
        self.operators.append(op)
        return op
