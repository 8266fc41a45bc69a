# The models layer: the project's own models and the generator that turns a .tflite into C++
# (models/gen, cmake/StrataModel.cmake). Each model: id, .tflite file, folder of sample inputs.
strata_layer(NAME models DEPENDS middleware)
strata_provide_model(none "")
strata_provide_model(sine-f32 ${CMAKE_CURRENT_LIST_DIR}/sine/sine_f32.tflite
                     SAMPLES ${CMAKE_CURRENT_LIST_DIR}/sine/samples)
strata_provide_model(sine-int8 ${CMAKE_CURRENT_LIST_DIR}/sine/sine_int8.tflite
                     SAMPLES ${CMAKE_CURRENT_LIST_DIR}/sine/samples)
