# strata_board_firmware_hook(<target>) for the Teensy 4.0 (called by strata_add_firmware):
#   - links with this tree's placement files (ld/placement-<STRATA_RT_PLACEMENT>, the policy file)
#   - after each link prints where every part landed (ITCM / DTCM / OCRAM / flash bytes); the linker's
#     own memory table is left out: the arena and weights are placed by address expressions the
#     table does not count, so it would understate DTCM and OCRAM (the placement report is the usage)
#   - `flash-<target>`: teensy_loader_cli --mcu=TEENSY40 -w -v <target>.hex (`flash` as well when the
#     tree builds a single firmware; in a tree of several, `flash` says which targets there are, and
#     ctest `teensy40.flash_names_targets` checks it does); a clear message when teensy_loader_cli is
#     missing
#   - ctest `teensy40.elf.<target>` (labels elf;teensy40): boot headers, placement, HEX records, size
include_guard(GLOBAL)

function(strata_board_firmware_hook target)
  get_target_property(link_options ${target} LINK_OPTIONS)
  list(REMOVE_ITEM link_options -Wl,--print-memory-usage)
  set_target_properties(${target} PROPERTIES LINK_OPTIONS "${link_options}")
  set(ld_src ${STRATA_ROOT}/bsp/imxrt1062/ld)
  set(placement_dir ${ld_src}/placement-${STRATA_RT_PLACEMENT})
  target_link_options(${target} PRIVATE -L${placement_dir} -L${STRATA_TEENSY40_LD_DIR})
  set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS
    ${placement_dir}/imxrt1062_fast_code.ld ${placement_dir}/imxrt1062_fast_data.ld
    ${STRATA_TEENSY40_LD_DIR}/imxrt1062_policy.ld)

  set(tools ${STRATA_ROOT}/bsp/imxrt1062/tools)
  set(out $<TARGET_FILE_DIR:${target}>/${target})
  add_custom_command(TARGET ${target} POST_BUILD
    COMMAND ${STRATA_PYTHON} ${tools}/placement_report.py $<TARGET_FILE:${target}>
    VERBATIM)

  set(flash_cmd ${STRATA_PYTHON} ${tools}/teensy_flash.py ${out}.hex)
  add_custom_target(flash-${target} COMMAND ${flash_cmd} DEPENDS ${target} USES_TERMINAL VERBATIM)
  list(LENGTH STRATA_MODEL_LIST models)
  list(LENGTH STRATA_KERNELS_LIST kernels)
  if(models EQUAL 1 AND kernels EQUAL 1 AND NOT TARGET flash)
    add_custom_target(flash COMMAND ${flash_cmd} DEPENDS ${target} USES_TERMINAL VERBATIM)
  elseif(NOT TARGET flash)
    set(names "")
    foreach(model IN LISTS STRATA_MODEL_LIST)
      foreach(kernel IN LISTS STRATA_KERNELS_LIST)
        list(APPEND names flash-strata-${model}-${kernel})
      endforeach()
    endforeach()
    list(JOIN names ", " names)
    add_custom_target(flash
      COMMAND ${CMAKE_COMMAND} -E echo "This tree holds several firmware images: use one of ${names}."
      COMMAND ${CMAKE_COMMAND} -E false
      VERBATIM)
    add_test(NAME ${STRATA_BOARD}.flash_names_targets
             COMMAND ${CMAKE_COMMAND} --build ${CMAKE_BINARY_DIR} --target flash)
    set_tests_properties(${STRATA_BOARD}.flash_names_targets PROPERTIES LABELS "elf;${STRATA_BOARD}"
      PASS_REGULAR_EXPRESSION "use one of flash-strata-[^ ]+-[a-z]+, flash-strata-")
  endif()

  add_test(NAME ${STRATA_BOARD}.elf.${target}
    COMMAND ${STRATA_PYTHON} ${STRATA_ROOT}/tests/bsp/imxrt1062/check_teensy_image.py
            --elf $<TARGET_FILE:${target}> --hex ${out}.hex --map ${out}.map
            --placement ${STRATA_RT_PLACEMENT} --weights ${STRATA_TEENSY40_WEIGHTS}
            --arena ${STRATA_RT_ARENA})
  set_tests_properties(${STRATA_BOARD}.elf.${target} PROPERTIES LABELS "elf;${STRATA_BOARD}")
endfunction()
