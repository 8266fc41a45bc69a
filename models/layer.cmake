# The models layer: the project's own models and the generator that turns a .tflite into C++
# (models/gen, cmake/StrataModel.cmake). Each model: id, .tflite file, folder of sample inputs
# (one folder serves every variant: the generator picks the samples matching the input type).
# Ids are written out literally: tools/gen_presets.py reads them from this file.
strata_layer(NAME models DEPENDS middleware)
strata_provide_model(none "")
set(_mnist ${CMAKE_CURRENT_LIST_DIR}/mnist)
strata_provide_model(mnist-int8 ${_mnist}/mnist_int8.tflite SAMPLES ${_mnist}/samples)
strata_provide_model(mnist-f32 ${_mnist}/mnist_f32.tflite SAMPLES ${_mnist}/samples)
strata_provide_model(mnist-f16 ${_mnist}/mnist_f16.tflite SAMPLES ${_mnist}/samples)
strata_provide_model(mnist-hybrid ${_mnist}/mnist_hybrid.tflite SAMPLES ${_mnist}/samples)
set(_sine ${CMAKE_CURRENT_LIST_DIR}/sine)
strata_provide_model(sine-f32 ${_sine}/sine_f32.tflite SAMPLES ${_sine}/samples)
strata_provide_model(sine-int8 ${_sine}/sine_int8.tflite SAMPLES ${_sine}/samples)
# A test-sized stateful model (variable tensors): by default on the Cortex-M7 virtual board only.
set(_lstm ${CMAKE_CURRENT_LIST_DIR}/lstm-int8)
strata_provide_model(lstm-int8 ${_lstm}/lstm_int8.tflite SAMPLES ${_lstm}/samples
                     BOARDS mps2-an500)
