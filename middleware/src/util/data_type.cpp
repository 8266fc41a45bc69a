// Element sizes and names of strata::DataType (see strata/tensor.hpp).
#include "strata/tensor.hpp"

namespace strata {

uint32_t DataTypeSize(DataType type) {
  switch (type) {
    case DataType::kFloat32:
    case DataType::kInt32:
    case DataType::kUInt32:
    case DataType::kResource:
      return 4;
    case DataType::kFloat16:
    case DataType::kInt16:
      return 2;
    case DataType::kUInt8:
    case DataType::kInt8:
    case DataType::kBool:
      return 1;
    case DataType::kInt64:
    case DataType::kFloat64:
      return 8;
    default:
      return 0;  // string, complex and unknown values have no fixed layout here
  }
}

const char* DataTypeName(DataType type) {
  if (type == DataType::kInt4) return "int4";  // kept out of the switch: a table to 17 costs flash
  switch (type) {
    case DataType::kFloat32:
      return "float32";
    case DataType::kFloat16:
      return "float16";
    case DataType::kInt32:
      return "int32";
    case DataType::kUInt8:
      return "uint8";
    case DataType::kInt64:
      return "int64";
    case DataType::kString:
      return "string";
    case DataType::kBool:
      return "bool";
    case DataType::kInt16:
      return "int16";
    case DataType::kComplex64:
      return "complex64";
    case DataType::kInt8:
      return "int8";
    case DataType::kFloat64:
      return "float64";
    case DataType::kResource:
      return "resource";
    case DataType::kUInt32:
      return "uint32";
    case DataType::kInt4:  // outside the switch's table (its value is 17): see DataTypeName's head
      break;
  }
  return "unknown";
}

}  // namespace strata
