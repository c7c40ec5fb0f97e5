// File: tests/bench/checks_bench.cc
//
// Evaluation throughput (DESIGN.md §5: >= 50,000 task definitions per second
// per core, including parsing 4 KB of container JSON). Not run by ctest.

#include <string>

#include "benchmark/benchmark.h"
#include "checks/evaluation.h"

namespace {

// A realistic container list of about 4 KB: three containers with
// environment, port mappings, log configuration and one misplaced key.
std::string Containers() {
  std::string json = "[";
  for (int c = 0; c < 3; ++c) {
    if (c > 0) json += ",";
    json +=
        R"({"name":"container-)" + std::to_string(c) +
        R"(","image":"123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.2.3",)"
        R"("cpu":256,"memory":512,"essential":true,)"
        R"("portMappings":[{"containerPort":8080,"hostPort":8080,"protocol":"tcp"}],)"
        R"("logConfiguration":{"logDriver":"awslogs","options":{"awslogs-group":"/ecs/app",)"
        R"("awslogs-region":"us-east-1","awslogs-stream-prefix":"app"}},)"
        R"("healthCheck":{"command":["CMD-SHELL","curl -f http://localhost:8080/health || exit 1"],)"
        R"("interval":30,"timeout":5,"retries":3},"environment":[)";
    for (int e = 0; e < 15; ++e) {
      if (e > 0) json += ",";
      json += R"({"name":"SETTING_)" + std::to_string(e) +
              R"(","value":"some-configuration-value-)" + std::to_string(e) + R"("})";
    }
    json += "]";
    if (c == 2) json += R"(,"pidMode":"host")";
    json += "}";
  }
  return json + "]";
}

void BM_EvaluateArguments(benchmark::State& state) {
  checks::Input input;
  input.family = checks::Text::Known("web");
  input.pid_mode = checks::Text::Known("host");
  input.ipc_mode = checks::Text::Known("task");
  input.requires_compatibilities = {checks::TextSet::State::kKnown, {"EC2"}};
  input.container_definitions = checks::Text::Known(Containers());
  const checks::Settings settings;
  for (auto _ : state) {
    checks::Evaluation evaluation = checks::Evaluate(input, settings);
    benchmark::DoNotOptimize(evaluation);
  }
  state.SetBytesProcessed(state.iterations() * input.container_definitions.value.size());
  state.counters["json_bytes"] = input.container_definitions.value.size();
  state.counters["defs/s"] = benchmark::Counter(state.iterations(), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_EvaluateArguments);

void BM_EvaluateDocument(benchmark::State& state) {
  checks::Input input;
  input.task_definition_json = checks::Text::Known(
      R"({"taskDefinition":{"family":"web","pidMode":"task","networkMode":"awsvpc",)"
      R"("requiresCompatibilities":["FARGATE"],"containerDefinitions":)" +
      Containers() + R"(},"tags":[]})");
  const checks::Settings settings;
  for (auto _ : state) {
    checks::Evaluation evaluation = checks::Evaluate(input, settings);
    benchmark::DoNotOptimize(evaluation);
  }
  state.SetBytesProcessed(state.iterations() * input.task_definition_json.value.size());
  state.counters["defs/s"] = benchmark::Counter(state.iterations(), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_EvaluateDocument);

// What the data source does per read: read the input once (input problems
// and controls from one parse of the container JSON), evaluate, report.
void BM_ValidateEvaluateReport(benchmark::State& state) {
  checks::Input input;
  input.family = checks::Text::Known("web");
  input.pid_mode = checks::Text::Known("host");
  input.container_definitions = checks::Text::Known(Containers());
  const checks::Settings settings;
  for (auto _ : state) {
    checks::Evaluation evaluation = checks::Evaluate(input, settings);
    std::string report = checks::ReportJson(evaluation, input.family);
    benchmark::DoNotOptimize(evaluation);
    benchmark::DoNotOptimize(report);
  }
  state.counters["defs/s"] = benchmark::Counter(state.iterations(), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ValidateEvaluateReport);

}  // namespace

BENCHMARK_MAIN();
