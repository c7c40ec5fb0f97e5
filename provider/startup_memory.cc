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
// 1.5 ms (of 17-19 ms), peak RSS rose from 14.2 to 14.3 MB. (Populating the
// text as well saved 0.7 ms more but made all 11.5 MB of it resident: peak
// RSS 16.6 MB, over DESIGN.md's 16 MB.)

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

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

void PopulateStartupMemory(int /*argc*/, char** /*argv*/, char** /*envp*/) {
  Populate(__data_start, _end);
  // Grow the heap once by the pad (kept on trims), and map it.
  ::mallopt(M_TOP_PAD, static_cast<int>(kHeapPad));
  void* first = ::malloc(1);
  if (first == nullptr) return;
  // Under a sanitizer, malloc is the sanitizer's, away from the brk heap:
  // then `first` lies above the top and nothing is populated.
  Populate(static_cast<char*>(first), static_cast<char*>(::sbrk(0)));
  ::free(first);
}

}  // namespace

// Run by the C library's start-up (static executables) or the dynamic loader,
// before every constructor.
using PreinitFunction = void (*)(int, char**, char**);
[[gnu::used, gnu::section(".preinit_array")]] const PreinitFunction kPopulateStartupMemory =
    PopulateStartupMemory;
