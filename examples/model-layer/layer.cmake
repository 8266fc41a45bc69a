# An example layer that adds a model (docs/models.md, "A model in a layer"): build it with
#   -DSTRATA_EXTRA_LAYERS=examples/model-layer -DSTRATA_MODEL=example-sine
# on any preset of a board. Your own layer names your .tflite file and samples folder the same way.
strata_layer(NAME example-models DEPENDS models)
strata_provide_model(example-sine ../../models/sine/sine_f32.tflite   # paths relative to this folder
                     SAMPLES ../../models/sine/samples)
