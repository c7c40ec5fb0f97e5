// File: tests/unit/checks_no_environment_secrets_test.cc
//
// ecs_container_no_environment_secrets (AWS Security Hub ECS.8; PRODUCT.md,
// "The ECS task-definition family"): no container's environment names
// AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY or ECS_ENGINE_AUTH_DATA (AWS
// Config's ECS_NO_ENVIRONMENT_SECRETS `secretKeys`). Only the name is read:
// a value never appears in a message, a finding, FindingDetail or
// report_json. Cases follow AWS Config's examples (credentials in
// `environment` fail; the same names in `secrets` with valueFrom pass).

#include <string>
#include <tuple>
#include <vector>

#include "checks/control.h"
#include "checks/evaluation.h"
#include "gtest/gtest.h"
#include "tests/unit/container_control_test_support.h"

namespace checks {
namespace {

using control_ids::kEnvironmentSecrets;

constexpr char kSecret[] = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYPLANTEDSECRET";

std::string Env(const std::string& name) {
  return R"({"name":")" + name + R"(","value":")" + kSecret + R"("})";
}

std::vector<Case> EnvironmentSecretsCases() {
  const std::string region = R"({"name":"AWS_REGION","value":"us-east-1"})";
  return {
      {"EmptyList", "[]", Status::kPass, {}},
      {"NoEnvironment", R"([{"name":"web"}])", Status::kPass, {}},
      {"EmptyEnvironment", R"([{"name":"web","environment":[]}])", Status::kPass, {}},
      {"NullEnvironment", R"([{"name":"web","environment":null}])", Status::kPass, {}},
      {"OtherNames", R"([{"name":"web","environment":[)" + region + "]}]", Status::kPass, {}},
      {"SecretAccessKeyFourthVariable",
       R"([{"name":"web","environment":[)" + region + "," + region + "," + region + "," +
           Env("AWS_SECRET_ACCESS_KEY") + "]}]",
       Status::kFail,
       {"[0].environment[3].name"},
       "is \"AWS_SECRET_ACCESS_KEY\""},
      {"AccessKeyIdInSecondContainer",
       R"([{"name":"a"},{"name":"b","environment":[)" + Env("AWS_ACCESS_KEY_ID") + "]}]",
       Status::kFail,
       {"[1].environment[0].name"}},
      {"EngineAuthData",
       R"([{"name":"web","environment":[)" + Env("ECS_ENGINE_AUTH_DATA") + "]}]",
       Status::kFail,
       {"[0].environment[0].name"}},
      {"AllThree",
       R"([{"name":"web","environment":[)" + Env("AWS_ACCESS_KEY_ID") + "," +
           Env("AWS_SECRET_ACCESS_KEY") + "," + Env("ECS_ENGINE_AUTH_DATA") + "]}]",
       Status::kFail,
       {"[0].environment[0].name", "[0].environment[1].name", "[0].environment[2].name"}},
      // Case does not make a credential less of one.
      {"LowerCaseName",
       R"([{"name":"web","environment":[)" + Env("aws_secret_access_key") + "]}]",
       Status::kFail,
       {"[0].environment[0].name"}},
      // Go's matching for the keys, and the user's spelling in the path.
      {"PascalCaseKeys",
       R"([{"name":"web","Environment":[{"Name":"AWS_ACCESS_KEY_ID","Value":")" +
           std::string(kSecret) + "\"}]}]",
       Status::kFail,
       {"[0].Environment[0].Name"}},
      // encoding/json: the last name wins, and a second array replaces the first.
      {"LastNameWins",
       R"([{"name":"web","environment":[{"Name":"HINT","name":"AWS_ACCESS_KEY_ID"}]}])",
       Status::kFail,
       {"[0].environment[0].name"}},
      {"LastNameWinsPass",
       R"([{"name":"web","environment":[{"name":"AWS_ACCESS_KEY_ID","Name":"HINT"}]}])",
       Status::kPass,
       {}},
      {"SecondArrayReplaces",
       R"([{"name":"web","environment":[)" + Env("AWS_ACCESS_KEY_ID") +
           R"(],"Environment":[{"name":"HINT","value":"x"}]}])",
       Status::kPass,
       {}},
      {"NullReplaces",
       R"([{"name":"web","environment":[)" + Env("AWS_ACCESS_KEY_ID") + R"(],"environment":null}])",
       Status::kPass,
       {}},
      // The ECS way to pass a credential: a secret reference, not a value.
      {"SecretsValueFrom",
       R"([{"name":"web","secrets":[{"name":"AWS_SECRET_ACCESS_KEY","valueFrom":)"
       R"("arn:aws:secretsmanager:us-east-1:123456789012:secret:creds"}]}])",
       Status::kPass,
       {}},
      // A value is never read, even when it looks like a credential's name.
      {"NameOnlyInValue",
       R"([{"name":"web","environment":[{"name":"HINT","value":"AWS_SECRET_ACCESS_KEY"}]}])",
       Status::kPass,
       {}},
      {"EnvironmentNotAList",
       R"([{"name":"web","environment":{"AWS_ACCESS_KEY_ID":"x"}}])",
       Status::kFail,
       {"[0].environment"},
       "must be a list of name and value objects"},
      {"ElementNotAnObject",
       R"([{"name":"web","environment":["AWS_ACCESS_KEY_ID"]}])",
       Status::kFail,
       {"[0].environment[0].name"},
       "cannot be read"},
      {"NameNotAString",
       R"([{"name":"web","environment":[{"name":5,"value":"x"}]}])",
       Status::kFail,
       {"[0].environment[0].name"}},
  };
}

class NoEnvironmentSecretsTest : public testing::TestWithParam<std::tuple<Case, bool>> {};

TEST_P(NoEnvironmentSecretsTest, FailsAtTheVariableNameInEitherForm) {
  ExpectCase(kEnvironmentSecrets, std::get<0>(GetParam()), std::get<1>(GetParam()), Level::kError,
             Severity::kHigh, "(AWS Security Hub ECS.8)");
}

TEST_P(NoEnvironmentSecretsTest, NoValueEverAppearsInAnyOutput) {
  const auto& [c, document] = GetParam();
  const Evaluation evaluation =
      Evaluate(document ? Document(c.containers) : Arguments(c.containers), Settings{});
  for (const Finding& f : evaluation.findings) {  // every control, not only ECS.8
    EXPECT_EQ(f.message.find(kSecret), std::string::npos) << f.message;
    EXPECT_EQ(f.attribute.find(kSecret), std::string::npos) << f.attribute;
    const std::string detail = FindingDetail(f);
    EXPECT_EQ(detail.find(kSecret), std::string::npos) << detail;
    EXPECT_EQ(detail.find("PLANTED"), std::string::npos) << detail;
  }
  for (const InputProblem& p : evaluation.problems) {
    EXPECT_EQ(p.detail.find(kSecret), std::string::npos) << p.detail;
  }
  const std::string report = ReportJson(evaluation, Text::Known("web"));
  EXPECT_EQ(report.find("PLANTED"), std::string::npos) << report;
  EXPECT_EQ(report.find("us-east-1"), std::string::npos) << report;
}

INSTANTIATE_TEST_SUITE_P(AwsExamples, NoEnvironmentSecretsTest,
                         testing::Combine(testing::ValuesIn(EnvironmentSecretsCases()),
                                          testing::Bool()),
                         CaseName);

TEST(NoEnvironmentSecretsTest, UnknownIsUnknownAndUnreadableFailsClosed) {
  ExpectUnknownAndFailClosed(kEnvironmentSecrets);
}

TEST(NoEnvironmentSecretsTest, CatalogEntry) {
  ExpectCatalog(kEnvironmentSecrets, "ECS.8", Severity::kHigh, Level::kError,
                {"AWS Security Hub ECS.8", "AWS Config ECS_NO_ENVIRONMENT_SECRETS",
                 "Prowler ecs_task_definitions_no_environment_secrets"});
}

// A secret inside JSON that cannot be read is not quoted either: the error
// gives a position, never the text around it.
TEST(NoEnvironmentSecretsTest, UnreadableJsonNeverQuotesTheValue) {
  const std::string broken =
      R"([{"name":"web","environment":[{"name":"AWS_SECRET_ACCESS_KEY","value":")" +
      std::string(kSecret) + R"(" "x"}]}])";
  for (const bool document : {false, true}) {
    const Evaluation evaluation =
        Evaluate(document ? Document(broken) : Arguments(broken), Settings{});
    ASSERT_FALSE(FindingsOf(evaluation, kEnvironmentSecrets).empty());
    for (const Finding& f : evaluation.findings) {
      EXPECT_EQ(FindingDetail(f).find("PLANTED"), std::string::npos) << FindingDetail(f);
    }
    for (const InputProblem& p : evaluation.problems) {
      EXPECT_EQ(p.detail.find("PLANTED"), std::string::npos) << p.detail;
      EXPECT_EQ(p.summary.find("PLANTED"), std::string::npos) << p.summary;
    }
    EXPECT_EQ(ReportJson(evaluation, Text::Null()).find("PLANTED"), std::string::npos);
  }
}

}  // namespace
}  // namespace checks
