// strata::Status: codes, formatted messages, truncation and the propagation macro.
#include "strata/status.hpp"

#include <cstring>
#include <string>

#include "gtest/gtest.h"

namespace {

using strata::Status;
using strata::StatusCode;

TEST(Status, DefaultIsOk) {
  const Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kOk);
  EXPECT_STREQ(s.message(), "");
  EXPECT_TRUE(Status::Ok().ok());
}

TEST(Status, ErrorFormatsItsMessage) {
  const Status s =
      Status::Error(StatusCode::kArenaTooSmall, "model needs %'u bytes, got %'u", 23456u, 16384u);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kArenaTooSmall);
  EXPECT_STREQ(s.message(), "model needs 23,456 bytes, got 16,384");
}

TEST(Status, LongMessagesAreTruncatedNotOverflowed) {
  const std::string long_text(1000, 'x');
  const Status s = Status::Error(StatusCode::kInternal, "%s", long_text.c_str());
  EXPECT_EQ(std::strlen(s.message()), Status::kMessageCapacity - 1);
}

TEST(Status, CodeNames) {
  EXPECT_STREQ(strata::StatusCodeName(StatusCode::kOk), "ok");
  EXPECT_STREQ(strata::StatusCodeName(StatusCode::kMalformedModel), "malformed model");
  EXPECT_STREQ(strata::StatusCodeName(StatusCode::kUnsupported), "unsupported");
  EXPECT_STREQ(strata::StatusCodeName(StatusCode::kArenaTooSmall), "arena too small");
  EXPECT_STREQ(strata::StatusCodeName(StatusCode::kInvalidArgument), "invalid argument");
  EXPECT_STREQ(strata::StatusCodeName(StatusCode::kNotReady), "not ready");
  EXPECT_STREQ(strata::StatusCodeName(StatusCode::kInternal), "internal error");
}

Status Step(bool fail, int* reached) {
  ++*reached;
  return fail ? Status::Error(StatusCode::kUnsupported, "step failed") : Status::Ok();
}

Status Chain(bool fail_first, int* reached) {
  STRATA_RETURN_IF_ERROR(Step(fail_first, reached));
  STRATA_RETURN_IF_ERROR(Step(false, reached));
  return Status::Ok();
}

TEST(Status, ReturnIfErrorStopsAtTheFirstFailure) {
  int reached = 0;
  EXPECT_TRUE(Chain(false, &reached).ok());
  EXPECT_EQ(reached, 2);
  reached = 0;
  const Status s = Chain(true, &reached);
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_STREQ(s.message(), "step failed");
  EXPECT_EQ(reached, 1);
}

}  // namespace
