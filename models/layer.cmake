# The models layer: the project's own models and the generator that turns a .tflite into C++.
strata_layer(NAME models DEPENDS middleware)
strata_provide_model(none "")
