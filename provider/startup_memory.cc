// File: provider/startup_memory.cc
//
// Start-up page faults, taken in bulk. Terraform waits on the handshake line
// of every provider it starts (six times in one plan), and on the virtual
// machines CI runners use, a page fault costs 12-14 us: the first write to
// each page of the data, bss and heap, about 180 pages before the handshake
// line, was a tenth of the start-up. One madvise(MADV_POPULATE_WRITE) maps a
// range for about 1 us a page. Runs from .preinit_array, before any
// constructor touches those pages; best effort (kernels before 5.14 refuse
// the advice, and the pages then fault one by one as before). Measured on a
// 2-core CI-like machine, alternating starts with AutoMTLS, four runs of
// 40-150 starts each: the exec-to-handshake p50 fell by 0.05, 0.7, 1.15 and
// 1.5 ms (of 17-19 ms), peak RSS rose from 14.2 to 14.3 MB. Those runs mapped
// only the heap's first 132 KiB: the heap already existed, so the raised pad
// grew nothing until later. Growing it here first (below) took the page
// faults before the handshake line from 358 to 244 a start; on a machine
// where a fault costs 1.2 us and a populated page 1 us, p50 moved 0.02-0.06
// ms sooner, and peak RSS rose 0.3 MB. (Populating the text as well saved 0.7
// ms more but made all 11.5 MB of it resident: peak RSS 16.6 MB, over
// DESIGN.md's 16 MB.)

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <array>
#include <cstddef>
#include <cstdint>

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23  // Linux 5.14, <linux/mman.h>
#endif

extern "C" {
// Bounds of the executable's data and bss, from the linker.
extern char __data_start[];  // NOLINT(bugprone-reserved-identifier)
extern char _end[];          // NOLINT(bugprone-reserved-identifier)
}

namespace {

// What the heap grows to before the handshake line, with room: the main
// thread's start-up wrote 136 heap pages (544 KiB).
constexpr std::size_t kHeapPad = 768 << 10;

// Maps [begin, end), widened to whole pages, writable.
void Populate(char* begin, char* end) {
  const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
  begin -= reinterpret_cast<std::uintptr_t>(begin) & (page - 1);
  end += (page - reinterpret_cast<std::uintptr_t>(end) % page) % page;
  if (end > begin) ::madvise(begin, static_cast<std::size_t>(end - begin), MADV_POPULATE_WRITE);
}

// Blocks taken to make the heap grow: under malloc's 128 KiB mmap threshold,
// so that they come from the heap. Three are enough (the heap has at most
// its old 128 KiB pad free when this runs); more is a guard.
constexpr std::size_t kProbeBytes = 64 << 10;
constexpr std::size_t kMaxProbes = 8;

void PopulateStartupMemory(int /*argc*/, char** /*argv*/, char** /*envp*/) {
  Populate(__data_start, _end);
  // The C library's start-up has already made the heap (with malloc's
  // default 128 KiB pad) before this runs, so raising the pad alone grows
  // nothing yet. With the pad raised, take blocks until the heap grows (by
  // the pad, in one step), give them back (a trim keeps the pad), then map
  // everything from the first block to the top.
  ::mallopt(M_TOP_PAD, static_cast<int>(kHeapPad));
  const char* const top = static_cast<char*>(::sbrk(0));
  std::array<void*, kMaxProbes> probes{};
  std::size_t taken = 0;
  while (taken < probes.size()) {
    void* block = ::malloc(kProbeBytes);
    if (block == nullptr) break;
    probes[taken++] = block;
    // Under a sanitizer, malloc is the sanitizer's, away from the brk heap:
    // the break never moves, and nothing is populated.
    if (static_cast<char*>(block) > top || static_cast<char*>(::sbrk(0)) != top) break;
  }
  char* const first = static_cast<char*>(probes[0]);
  for (std::size_t i = 0; i < taken; ++i) ::free(probes[i]);
  if (first != nullptr && first < top) Populate(first, static_cast<char*>(::sbrk(0)));
}

}  // namespace

// Run by the C library's start-up (static executables) or the dynamic loader,
// before every constructor.
using PreinitFunction = void (*)(int, char**, char**);
[[gnu::used, gnu::section(".preinit_array")]] const PreinitFunction kPopulateStartupMemory =
    PopulateStartupMemory;
