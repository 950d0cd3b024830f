// Makes file permissions apply to the calling thread even when it runs as root (as CI does), so
// tests of unreadable files and folders run everywhere: while alive, the calling thread and the
// threads it starts lack CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH in their effective set.
// Linux capabilities are per thread, and the raw capset call (unlike glibc's setuid family)
// changes only the calling thread; the permitted set is kept, so the destructor restores them.
#pragma once

#include <linux/capability.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace treatysearch::testing {

class WithoutPermissionOverride {
 public:
  WithoutPermissionOverride() {
    if (::syscall(SYS_capget, &header_, saved_) != 0) return;
    __user_cap_data_struct lowered[2] = {saved_[0], saved_[1]};
    lowered[0].effective &= ~((1u << CAP_DAC_OVERRIDE) | (1u << CAP_DAC_READ_SEARCH));
    active_ = ::syscall(SYS_capset, &header_, lowered) == 0;
  }
  ~WithoutPermissionOverride() {
    if (active_) ::syscall(SYS_capset, &header_, saved_);
  }
  WithoutPermissionOverride(const WithoutPermissionOverride&) = delete;
  WithoutPermissionOverride& operator=(const WithoutPermissionOverride&) = delete;

 private:
  __user_cap_header_struct header_{_LINUX_CAPABILITY_VERSION_3, 0};
  __user_cap_data_struct saved_[2] = {};
  bool active_ = false;
};

}  // namespace treatysearch::testing
