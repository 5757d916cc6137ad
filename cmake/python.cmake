# The Python module (python/): built when Python 3 with its development files and pybind11 are
# found (Debian: python3-dev, pybind11-dev); without them the rest of cbec builds as before.
# The interpreter is Debian's by default, the one apt installs python3-numpy, python3-pandas and
# python3-pytest for; -DPython3_EXECUTABLE=... chooses another (setup.py passes pip's own).
if(NOT DEFINED Python3_EXECUTABLE AND EXISTS /usr/bin/python3)
  set(Python3_EXECUTABLE /usr/bin/python3 CACHE FILEPATH "Python interpreter of the Python module and its tests")
endif()
find_package(Python3 3.9 COMPONENTS Interpreter Development.Module)
if(Python3_FOUND)
  find_package(pybind11 2.6 CONFIG QUIET)
endif()
include(CMakeDependentOption)
cmake_dependent_option(CBEC_PYTHON "Build the Python module cbec (python/)" ON "Python3_FOUND;pybind11_FOUND" OFF)
if(CBEC_PYTHON)
  add_subdirectory(python)
else()
  message(STATUS "cbec: the Python module is not built (needs python3-dev and pybind11-dev)")
endif()
