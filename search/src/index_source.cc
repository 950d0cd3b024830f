#include "index_source.h"

#include <algorithm>
#include <cstdlib>

#include "index_layout.h"
#include "schema.h"
#include "schema_check.h"

namespace treatysearch::search {

namespace schema = core::schema;

namespace {

std::string address(const RemoteShard& shard) {
  const bool ipv6 = shard.host.find(':') != std::string::npos;
  return (ipv6 ? "[" + shard.host + "]" : shard.host) + ":" + std::to_string(shard.port);
}

}  // namespace

IndexSource IndexSource::local(std::string dir) {
  IndexSource source;
  source.dir = std::move(dir);
  return source;
}

IndexSource IndexSource::served(std::vector<RemoteShard> shards, const RemoteOptions& options) {
  if (shards.empty())
    throw Error(ErrorCode::kInvalidArgument, "remote index: no shard given (HOST:PORT,...)");
  IndexSource source;
  source.remote = std::move(shards);
  source.options = options;
  return source;
}

std::string IndexSource::name() const {
  if (!is_remote()) return dir;
  std::string name = "remote index ";
  for (std::size_t k = 0; k < remote.size(); ++k) name += (k ? "," : "") + address(remote[k]);
  return name;
}

Xapian::Database IndexSource::open_shard(unsigned k) const {
  if (!is_remote()) return Xapian::Database(core::layout::shard_dir(dir, k));
  Xapian::Database shard = Xapian::Remote::open(remote[k].host, remote[k].port, options.timeout_ms,
                                                options.connect_timeout_ms);
  // A shard records its place ("k/N"): one given out of order would put each file's metadata
  // in the wrong shard and number documents wrongly.
  const std::string place = shard.get_metadata(schema::kShardKey);
  if (!place.starts_with(std::to_string(k) + "/"))
    throw Error(ErrorCode::kInvalidArgument,
                name() + ": " + address(remote[k]) + " serves " +
                    (place.empty() ? std::string("no shard of a treatysearch index")
                                   : "shard " + place.substr(0, place.find('/')) + " of " +
                                         place.substr(place.find('/') + 1)) +
                    " but is given as shard " + std::to_string(k) +
                    "; give the shards in order (shard0 first)");
  return shard;
}

Xapian::rev IndexSource::revision_of(const Xapian::Database& shard) const {
  if (!is_remote()) return shard.get_revision();
  return static_cast<Xapian::rev>(
      std::strtoull(shard.get_metadata(schema::kCommitKey).c_str(), nullptr, 10));
}

unsigned IndexSource::shard_count(const Xapian::Database& first_shard) const {
  const unsigned count = core::read_shard_count(first_shard, name());
  if (!is_remote()) return count;
  if (remote.size() != count)
    throw Error(ErrorCode::kInvalidArgument,
                name() + ": the index has " + std::to_string(count) + " shards but " +
                    std::to_string(remote.size()) +
                    " were given; give every shard, in order (shard0 first)");
  return count;
}

}  // namespace treatysearch::search

namespace treatysearch {

std::vector<RemoteShard> parse_remote_shards(const std::string& list) {
  std::vector<RemoteShard> shards;
  std::size_t begin = 0;
  while (begin <= list.size()) {
    const std::size_t end = std::min(list.find(',', begin), list.size());
    const std::string entry = list.substr(begin, end - begin);
    const auto bad = [&](const std::string& why) {
      return Error(ErrorCode::kInvalidArgument, "remote shard \"" + entry + "\": " + why +
                                                    " (expected HOST:PORT[,HOST:PORT...])");
    };
    RemoteShard shard;
    std::size_t colon = entry.rfind(':');
    if (entry.starts_with("[")) {
      const std::size_t close = entry.find(']');
      if (close == std::string::npos || close + 1 != colon) throw bad("unclosed [ or no port");
      shard.host = entry.substr(1, close - 1);
    } else {
      if (colon == std::string::npos) throw bad("no port");
      shard.host = entry.substr(0, colon);
      if (shard.host.find(':') != std::string::npos) throw bad("write an IPv6 address in [ ]");
    }
    if (shard.host.empty()) throw bad("no host");
    const std::string port = entry.substr(colon + 1);
    if (port.empty() || port.size() > 5 ||
        port.find_first_not_of("0123456789") != std::string::npos)
      throw bad("the port is not a number");
    shard.port = static_cast<unsigned>(std::stoul(port));
    if (shard.port == 0 || shard.port > 65535) throw bad("the port is not in 1..65535");
    shards.push_back(std::move(shard));
    begin = end + 1;
  }
  return shards;
}

}  // namespace treatysearch
