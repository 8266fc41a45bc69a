// strata::Status: codes, formatted messages, truncation and the propagation macro.
#include "strata/status.hpp"

#include <cstring>
#include <string>

#include "gtest/gtest.h"
#include "kernel.hpp"

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

// A long tensor name must not push the cause of an error out of the message.
TEST(Status, LongNamesAreShortenedAndTheCauseStays) {
  const std::string name = "model/" + std::string(300, 'n') + "/weights";
  const Status s = Status::Error(StatusCode::kMalformedModel,
                                 "tensor 3 (%s): buffer holds %u bytes, shape [16,16] needs %u",
                                 name.c_str(), 1000u, 1024u);
  const std::string message = s.message();
  EXPECT_LT(message.size(), Status::kMessageCapacity);
  EXPECT_EQ(message.rfind("tensor 3 (model/nn", 0), 0u) << message;
  EXPECT_NE(message.find("n...n"), std::string::npos) << message;
  EXPECT_NE(message.find("n/weights): buffer holds 1000 bytes, shape [16,16] needs 1024"),
            std::string::npos)
      << message;
}

TEST(Status, ShortMessagesAreUnchanged) {
  const Status s = Status::Error(StatusCode::kUnsupported, "tensor %d (%s): rank %d exceeds %d", 7,
                                 "sequential/dense/Relu", 9, 8);
  EXPECT_STREQ(s.message(), "tensor 7 (sequential/dense/Relu): rank 9 exceeds 8");
}

// A kernel's message: the operator prefix, then the detail, whose end survives a long name.
TEST(Status, OpErrorKeepsTheCauseAfterALongName) {
  strata::OpContext ctx;
  ctx.op_index = 4;
  ctx.builtin_code = 9;  // FULLY_CONNECTED
  const std::string name(400, 'x');
  const Status s = strata::OpError(ctx, StatusCode::kUnsupported, "output '%s' is %s, expected %s",
                                   name.c_str(), "int32", "float32");
  const std::string message = s.message();
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_EQ(message.rfind("operator 4 (FULLY_CONNECTED): output 'xx", 0), 0u) << message;
  EXPECT_NE(message.find("x...x"), std::string::npos) << message;
  EXPECT_NE(message.find("' is int32, expected float32"), std::string::npos) << message;
  EXPECT_LT(message.size(), Status::kMessageCapacity);
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
