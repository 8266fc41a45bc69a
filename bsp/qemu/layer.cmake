# Virtual boards run under QEMU: the Cortex-M7 and Cortex-M4 MPS2 FPGA images.
strata_layer(NAME qemu-boards DEPENDS bsp-contract cortex-m)
strata_provide_board(mps2-an500 ${CMAKE_CURRENT_LIST_DIR}/boards/mps2-an500)
strata_provide_board(mps2-an386 ${CMAKE_CURRENT_LIST_DIR}/boards/mps2-an386)
