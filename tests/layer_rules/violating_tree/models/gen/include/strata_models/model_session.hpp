#pragma once
#include "strata/interpreter.hpp"
// the models layer is below the app
#include "shell.hpp"
