#include "xapian_errors.h"

#include <xapian.h>

#include "treatysearch/error.h"

namespace treatysearch::core {

void throw_translated(const Xapian::Error& error, const std::string& index_dir) {
  // Xapian 1.4's Error is not polymorphic (no dynamic_cast); its type name tells the class.
  const std::string prefix = index_dir + ": ";
  const std::string type = error.get_type();
  // Xapian keeps the system's reason (errno) apart from its message, and "Couldn't create
  // .../postlist.glass read/write" alone does not say "Too many open files" or "No space left on
  // device".
  const char* system_reason = error.get_error_string();
  const std::string detail =
      error.get_msg() + (system_reason ? " (" + std::string(system_reason) + ")" : std::string());
  if (type == "DatabaseLockError")
    throw Error(ErrorCode::kLocked,
                prefix + "index is locked by another treaty-index run; wait for it to finish");
  if (type == "DatabaseVersionError")
    throw Error(ErrorCode::kVersionMismatch, prefix + "index format not supported: " + detail);
  if (type == "DatabaseNotFoundError")
    throw Error(ErrorCode::kNotFound,
                prefix + "no index here; create one with treaty-index --index " + index_dir);
  if (type == "DatabaseCorruptError")
    throw Error(ErrorCode::kCorrupt,
                prefix + "index is damaged (" + detail + "); delete it and run treaty-index again");
  if (type == "DatabaseCreateError")
    throw Error(ErrorCode::kIo, prefix + "cannot create index: " + detail);
  if (type == "DatabaseOpeningError")
    throw Error(ErrorCode::kNotFound, prefix + "cannot open index: " + detail);
  if (type == "DatabaseError" || type == "DatabaseModifiedError" || type == "DatabaseClosedError")
    throw Error(ErrorCode::kIo, prefix + "index error: " + detail);
  if (type == "InvalidArgumentError") throw Error(ErrorCode::kInvalidArgument, prefix + detail);
  if (type == "NetworkTimeoutError" || type == "NetworkError") {
    // The context names the shard: "remote:tcp(HOST:PORT)".
    std::string shard = error.get_context();
    if (shard.starts_with("remote:tcp(") && shard.ends_with(")"))
      shard = shard.substr(11, shard.size() - 12);
    const std::string why = type == "NetworkTimeoutError"
                                ? "did not answer in time (" + detail + ")"
                                : "cannot be reached (" + detail + ")";
    throw Error(ErrorCode::kUnavailable, prefix + "remote shard " + shard + " " + why);
  }
  throw Error(ErrorCode::kInternal, prefix + type + ": " + detail);
}

}  // namespace treatysearch::core
