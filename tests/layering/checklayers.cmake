# The layering check: app -> views -> model/editing -> the rest of model, nothing upward.
#
#   cmake -DSOURCE_DIR=<tree> -DCORE_DIRS=<a|b> -DGUI_DIRS=<a|b>
#         [-DMODEL_LINKS=<a|b>] [-DEDITING_LINKS=<a|b>] [-DVIEWS_LINKS=<a|b>] -P checklayers.cmake
#
# Reads every .h and .cpp under SOURCE_DIR/model, /views and /app and fails, naming the file and
# line, on an include of a higher layer:
# - model/ (but model/editing) includes nothing of model/editing, views or app, and of Qt only
#   headers that Qt Core has (CORE_DIRS: Qt Core's include folders);
# - model/editing includes nothing of views or app, and of Qt only Core and Gui (GUI_DIRS);
# - views include nothing of app.
# The *_LINKS lists are what the libraries link (their LINK_LIBRARIES): the model links no
# editing, view, window or Gui library; the editing layer no view, window or Widgets library;
# the views no window library. Lists are separated by "|".
cmake_minimum_required(VERSION 3.22)

foreach(var SOURCE_DIR CORE_DIRS GUI_DIRS)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "checklayers.cmake: -D${var}=... is missing")
    endif()
endforeach()
foreach(var CORE_DIRS GUI_DIRS MODEL_LINKS EDITING_LINKS VIEWS_LINKS)
    string(REPLACE "|" ";" ${var} "${${var}}")
endforeach()

# Problems accumulate in a global property, whatever function finds them.
set_property(GLOBAL PROPERTY layering_problems "")
function(report message)
    set_property(GLOBAL APPEND_STRING PROPERTY layering_problems "${message}\n")
endfunction()

# Whether the Qt header `header` (<QFoo> or <QtGui/QFoo>) is one of those in `dirs`.
function(qt_header_in header dirs out)
    set(found FALSE)
    # <QtGui/QColor>: by its module's folder (Qt's root folder, also listed, holds them all).
    if(header MATCHES "^(Qt[A-Za-z]+)/")
        set(module "${CMAKE_MATCH_1}")
        foreach(dir IN LISTS dirs)
            if(dir MATCHES "/${module}$")
                set(found TRUE)
            endif()
        endforeach()
    else()
        foreach(dir IN LISTS dirs)
            if(EXISTS "${dir}/${header}" AND NOT IS_DIRECTORY "${dir}/${header}")
                set(found TRUE)
            endif()
        endforeach()
    endif()
    set(${out} ${found} PARENT_SCOPE)
endfunction()

function(check_file file layer)
    file(STRINGS "${file}" lines)
    file(RELATIVE_PATH rel "${SOURCE_DIR}" "${file}")
    set(n 0)
    foreach(line IN LISTS lines)
        math(EXPR n "${n} + 1")
        if(line MATCHES "^[ \t]*#[ \t]*include[ \t]*\"([^\"]+)\"")
            set(inc "${CMAKE_MATCH_1}")
            set(bad "")
            if(inc MATCHES "^app/" AND NOT layer STREQUAL "app")
                set(bad "app")
            elseif(inc MATCHES "^views/" AND layer MATCHES "^model")
                set(bad "views")
            elseif(inc MATCHES "^model/editing/" AND layer STREQUAL "model")
                set(bad "model/editing")
            endif()
            if(bad)
                report("${rel}:${n}: includes \"${inc}\": ${layer} may not include ${bad}")
            endif()
        elseif(line MATCHES "^[ \t]*#[ \t]*include[ \t]*<(Q[^>]+)>")
            set(inc "${CMAKE_MATCH_1}")
            if(layer STREQUAL "model")
                qt_header_in("${inc}" "${CORE_DIRS}" ok)
                set(allowed "Qt Core")
            elseif(layer STREQUAL "model/editing")
                qt_header_in("${inc}" "${GUI_DIRS}" ok)
                set(allowed "Qt Core and Qt Gui")
            else()
                set(ok TRUE)
            endif()
            if(NOT ok)
                report("${rel}:${n}: includes <${inc}>: ${layer} uses only ${allowed}")
            endif()
        endif()
    endforeach()
endfunction()

file(GLOB_RECURSE files LIST_DIRECTORIES false
    "${SOURCE_DIR}/model/*.h" "${SOURCE_DIR}/model/*.cpp"
    "${SOURCE_DIR}/views/*.h" "${SOURCE_DIR}/views/*.cpp"
    "${SOURCE_DIR}/app/*.h" "${SOURCE_DIR}/app/*.cpp")
list(SORT files)
foreach(file IN LISTS files)
    file(RELATIVE_PATH rel "${SOURCE_DIR}" "${file}")
    if(rel MATCHES "^model/editing/")
        check_file("${file}" "model/editing")
    elseif(rel MATCHES "^model/")
        check_file("${file}" "model")
    elseif(rel MATCHES "^views/")
        check_file("${file}" "views")
    else()
        check_file("${file}" "app")
    endif()
endforeach()

function(check_links library links forbidden)
    foreach(link IN LISTS links)
        foreach(f IN LISTS forbidden)
            if(link STREQUAL f)
                report("${library} links ${link}, a higher layer")
            endif()
        endforeach()
    endforeach()
endfunction()
check_links(faultline_model "${MODEL_LINKS}"
    "faultline_editing;faultline_views;faultline_gui;Qt6::Gui;Qt6::Widgets;Qt6::Svg;Qt6::PrintSupport")
check_links(faultline_editing "${EDITING_LINKS}"
    "faultline_views;faultline_gui;Qt6::Widgets;Qt6::Svg;Qt6::PrintSupport")
check_links(faultline_views "${VIEWS_LINKS}" "faultline_gui")

list(LENGTH files count)
get_property(problems GLOBAL PROPERTY layering_problems)
if(problems)
    # NOTICE prints the lines as they are (FATAL_ERROR would rewrap them).
    message(NOTICE "${problems}")
    message(FATAL_ERROR "Layering: an include or a link above goes up a layer "
        "(app -> views -> model/editing -> model)")
endif()
message(STATUS "Layering: ${count} files, no include or link goes up a layer")
