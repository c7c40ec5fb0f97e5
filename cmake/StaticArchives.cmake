# Links against Debian's static archives (.a) instead of its shared
# libraries, so that the provider can be linked fully static (-static) and
# installed on any x86-64 Linux, like a Go provider built with CGO_ENABLED=0.
#
# cc_prefer_static_archives_before_find(): call before find_package(); makes
#   the Find modules (Protobuf, OpenSSL, ZLIB, gRPC's c-ares) pick .a files.
# cc_prefer_static_archives_after_find(): call after find_package(); points
#   the imported targets of package configs (absl::*, gRPC::*), which name
#   .so files, at the .a beside each.
# cc_link_fully_static(target): links an executable with -static.

macro(cc_prefer_static_archives_before_find)
  set(CMAKE_FIND_LIBRARY_SUFFIXES .a)
  set(Protobuf_USE_STATIC_LIBS ON)
  set(OPENSSL_USE_STATIC_LIBS TRUE)
  set(ZLIB_USE_STATIC_LIBS ON)
endmacro()

function(cc_prefer_static_archives_after_find)
  get_directory_property(imported IMPORTED_TARGETS)
  foreach(target IN LISTS imported)
    get_target_property(type ${target} TYPE)
    if(NOT type MATCHES "^(SHARED|UNKNOWN|STATIC)_LIBRARY$")
      continue()
    endif()
    get_target_property(configs ${target} IMPORTED_CONFIGURATIONS)
    set(properties IMPORTED_LOCATION)
    if(configs)
      foreach(config IN LISTS configs)
        list(APPEND properties IMPORTED_LOCATION_${config})
      endforeach()
    endif()
    foreach(property IN LISTS properties)
      get_target_property(location ${target} ${property})
      if(NOT location OR NOT location MATCHES "\\.so(\\.[0-9]+)*$")
        continue()
      endif()
      string(REGEX REPLACE "\\.so(\\.[0-9]+)*$" ".a" archive "${location}")
      if(NOT EXISTS "${archive}")
        message(FATAL_ERROR "${target}: no static archive ${archive} beside ${location}; "
          "install the package's -dev files (scripts/setup.sh) or configure with -DCC_STATIC=OFF")
      endif()
      set_target_properties(${target} PROPERTIES ${property} "${archive}")
    endforeach()
  endforeach()
endfunction()

function(cc_link_fully_static target)
  # Unwind tables found through .eh_frame_hdr, not registered at start-up
  # (provider/static_unwind.cc says why).
  target_link_options(${target} PRIVATE -static -Wl,--eh-frame-hdr
    -Wl,--wrap=__register_frame_info -Wl,--wrap=__deregister_frame_info)
  target_sources(${target} PRIVATE ${PROJECT_SOURCE_DIR}/provider/static_unwind.cc)
endfunction()
