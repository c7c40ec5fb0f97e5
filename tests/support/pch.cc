// File: tests/support/pch.cc
//
// Nothing of its own: the carrier targets in tests/CMakeLists.txt compile
// this file to build the precompiled headers that groups of tests share.
