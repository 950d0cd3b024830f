// Xapian's errors become one-line treatysearch::Errors naming the index (xapian_errors.h), with
// the system's reason when Xapian had one.
#include <gtest/gtest.h>
#include <xapian.h>

#include <cerrno>
#include <string>

#include "treatysearch/error.h"
#include "xapian_errors.h"

namespace treatysearch {
namespace {

Error translated(const Xapian::Error& error) {
  try {
    core::throw_translated(error, "/tmp/idx");
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "throw_translated returned";
  return Error(ErrorCode::kInternal, "");
}

TEST(XapianErrors, TheSystemsReasonIsKeptBesideXapiansMessage) {
  // What glass threw when a build ran out of descriptors.
  const Error opening = translated(Xapian::DatabaseOpeningError(
      "Couldn't create /tmp/idx/shard0.seg1/postlist.glass read/write", EMFILE));
  EXPECT_EQ(std::string(opening.what()),
            "/tmp/idx: cannot open index: Couldn't create /tmp/idx/shard0.seg1/postlist.glass "
            "read/write (Too many open files)");
  EXPECT_EQ(opening.code(), ErrorCode::kNotFound);

  const Error creating =
      translated(Xapian::DatabaseCreateError("Cannot create directory /tmp/idx/shard0", ENOSPC));
  EXPECT_EQ(std::string(creating.what()),
            "/tmp/idx: cannot create index: Cannot create directory /tmp/idx/shard0 (No space left "
            "on device)");
  EXPECT_EQ(creating.code(), ErrorCode::kIo);
}

TEST(XapianErrors, AMessageWithoutASystemReasonIsLeftAsItIs) {
  const Error error = translated(Xapian::DatabaseCorruptError("Bad postlist chunk key"));
  EXPECT_EQ(std::string(error.what()),
            "/tmp/idx: index is damaged (Bad postlist chunk key); delete it and run treaty-index "
            "again");
  EXPECT_EQ(error.code(), ErrorCode::kCorrupt);
}

TEST(XapianErrors, ANetworkErrorNamesTheShardAndTheReason) {
  const Error error =
      translated(Xapian::NetworkError("Couldn't connect", "remote:tcp(127.0.0.1:9)", ECONNREFUSED));
  EXPECT_EQ(std::string(error.what()),
            "/tmp/idx: remote shard 127.0.0.1:9 cannot be reached (Couldn't connect (Connection "
            "refused))");
  EXPECT_EQ(error.code(), ErrorCode::kUnavailable);
}

}  // namespace
}  // namespace treatysearch
