# NXP i.MX RT1062 boards (Teensy 4.0): FlexSPI NOR boot headers, FlexRAM ITCM/DTCM placement,
# 600 MHz and overclock profiles, LPUART console, teensy_loader_cli flashing.
strata_layer(NAME imxrt1062-boards DEPENDS bsp-contract cortex-m)
strata_provide_board(teensy40 ${CMAKE_CURRENT_LIST_DIR}/boards/teensy40)
