# QEMU firmware tests of the STM32F4 SoC code on netduinoplus2 (label `qemu`, plus `stm32f4`), added
# for each app firmware by the board's firmware hook (bsp/stm32f4/cmake/Stm32f4Board.cmake).
#
# QEMU 7.2 has no RCC model: the HSE and the PLL never report ready, so the bring-up must take the
# fallback path, end on the HSI at 16 MHz, and say so in the banner, `info` and `clocks`. The console
# is USART1 (the shell tests drive it both ways); GPIO set-up runs on the way (QEMU ignores it).
# Firmware with an MNIST model must classify the ten sample digits (one per class) right.
include_guard(GLOBAL)

function(_stm32f4_clock_and_shell_tests target)
  strata_add_qemu_test(${target}.clock_fallback ${target} TIMEOUT 60 EXPECT_EXIT 0
    INPUT "clocks\\ninfo\\nexit\\n"
    REQUIRE "^Strata [0-9.]+ on netduinoplus2 @ 16000000 Hz, kernels=[a-z]+"
            "clock note: HSE and PLL not ready: HSI 16 MHz fallback"
            "running:  SYSCLK 16000000 Hz from HSI, HCLK 16000000, PCLK1 16000000, PCLK2 16000000"
            "failed:   HSERDY PLLRDY \r"
            "@clocks sysclk_hz=16000000 failures=0x00000003"
            "clock:    16000000 Hz [(]profile 168mhz[)], HSE and PLL not ready"
            "counter:  instructions"
            "bye [(]exit code 0[)]"
    LABELS stm32f4 clock)
  strata_add_qemu_test(${target}.usart_shell ${target} TIMEOUT 60 EXPECT_EXIT 42
    INPUT "help\\nnot-a-command\\nCMD=help\\nexit 42\\n"
    REQUIRE "clocks +clock plan, what the bring-up reached"
            "error: unknown command 'not-a-command'"
            "bye [(]exit code 42[)]"
    FORBID "FAULT"
    LABELS stm32f4 shell)
endfunction()

# `2` (per-layer table) and `run <k>` for the ten MNIST sample digits: every class right.
function(_stm32f4_mnist_tests target)
  set(input "2\\n")
  set(require "@layer index=0 op=[A-Z_0-9]+ count=[0-9]+ unit=instructions"
              "@total count=[0-9]+ unit=instructions")
  foreach(k RANGE 0 9)
    string(APPEND input "run ${k}\\n")
    list(APPEND require "label ${k}: right")
  endforeach()
  string(APPEND input "exit\\n")
  strata_add_qemu_test(${target}.mnist_digits ${target} TIMEOUT 600 EXPECT_EXIT 0
    INPUT "${input}" REQUIRE ${require} "bye [(]exit code 0[)]"
    FORBID "WRONG" "error:" "FAULT"
    LABELS stm32f4 model)
endfunction()

function(stm32f4_board_qemu_tests target)
  if(NOT target MATCHES "^strata-(.+)-([a-z]+)$")
    return()
  endif()
  set(model ${CMAKE_MATCH_1})
  _stm32f4_clock_and_shell_tests(${target})
  if(model MATCHES "^mnist")
    _stm32f4_mnist_tests(${target})
  endif()
endfunction()
