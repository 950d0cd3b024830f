// The tests' main: GoogleTest's, except that a fixture whose SetUpTestSuite failed stops the
// program with a failure before its tests are reported.
//
// GoogleTest reports the tests of such a suite as "[  SKIPPED ]" (and exits 1); CTest, whose
// GoogleTest discovery takes that line for a skip, would show a broken fixture as skipped tests
// and pass the run.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>

namespace {

class FailedFixtureStopsTheRun : public ::testing::EmptyTestEventListener {
 public:
  void OnTestStart(const ::testing::TestInfo& test) override {
    const ::testing::TestSuite* suite = ::testing::UnitTest::GetInstance()->current_test_suite();
    if (suite == nullptr || !suite->ad_hoc_test_result().Failed()) return;
    std::fflush(stdout);
    std::fprintf(stderr, "FAILED: SetUpTestSuite of %s failed (above): %s.%s cannot run\n",
                 test.test_suite_name(), test.test_suite_name(), test.name());
    std::_Exit(EXIT_FAILURE);  // before GoogleTest prints the test as skipped
  }
};

}  // namespace

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  ::testing::UnitTest::GetInstance()->listeners().Append(new FailedFixtureStopsTheRun);
  return RUN_ALL_TESTS();
}
