// File: tests/e2e/release_test.cc
//
// What a user installs (PRODUCT.md "Distribution"): the fully static binary,
// the release set scripts/release.sh writes, installed from a packed
// filesystem mirror with `terraform init` and locked with `terraform
// providers lock` (from the mirror, and from a local HTTPS origin registry,
// tests/support/registry_server.py, serving the signed set), the binary from
// the zip running alone in an empty directory tree with an empty environment,
// and `cmake --install`'s mirror layout.

#include <elf.h>
#include <openssl/evp.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <regex>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "tests/e2e/e2e_util.h"
#include "tests/support/child_process.h"
#include "tests/support/plugin_process.h"
#include "tests/support/process_stats.h"

namespace e2e {
namespace {

namespace fs = std::filesystem;

constexpr char kName[] = "terraform-provider-compliancecheck";
constexpr char kAddress[] = "registry.terraform.io/compliancecheck/compliancecheck";

// CMake's project version, the one source of truth.
std::string ProjectVersion() {
  const std::string text = ReadText(SourceDir() / "CMakeLists.txt");
  std::smatch match;
  if (!std::regex_search(text, match,
                         std::regex(R"(project\(compliancecheck VERSION ([0-9.]+))"))) {
    return "";
  }
  return match[1];
}

// `program` looked up on PATH, then in the system directories a non-root
// PATH may leave out; empty when absent.
std::string Which(const std::string& program) {
  std::vector<std::string> dirs =
      absl::StrSplit(std::getenv("PATH") ? std::getenv("PATH") : "", ':', absl::SkipEmpty());
  for (const char* d : {"/usr/local/sbin", "/usr/sbin", "/sbin", "/usr/bin", "/bin"}) {
    dirs.push_back(d);
  }
  for (const auto& dir : dirs) {
    const fs::path candidate = fs::path(dir) / program;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate.string();
  }
  return "";
}

std::vector<std::string> BaseEnvironment() {
  return {absl::StrCat("PATH=", std::getenv("PATH") ? std::getenv("PATH") : "/usr/bin:/bin")};
}

std::string Sha256Hex(const std::string& bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr);
  std::string hex;
  for (unsigned int i = 0; i < length; ++i)
    absl::StrAppend(&hex, absl::Hex(digest[i], absl::kZeroPad2));
  return hex;
}

// The program headers of an ELF64 file: their p_type values.
std::vector<uint32_t> ProgramHeaderTypes(const fs::path& path) {
  const std::string bytes = ReadText(path);
  std::vector<uint32_t> types;
  if (bytes.size() < sizeof(Elf64_Ehdr) || bytes.compare(0, SELFMAG, ELFMAG) != 0) return types;
  Elf64_Ehdr header;
  std::memcpy(&header, bytes.data(), sizeof header);
  for (int i = 0; i < header.e_phnum; ++i) {
    const size_t at = header.e_phoff + static_cast<size_t>(i) * header.e_phentsize;
    if (at + sizeof(Elf64_Phdr) > bytes.size()) break;
    Elf64_Phdr program;
    std::memcpy(&program, bytes.data() + at, sizeof program);
    types.push_back(program.p_type);
  }
  return types;
}

// A fully static executable has no program interpreter (ld.so) and no
// dynamic section: nothing to load at run time.
void ExpectFullyStatic(const fs::path& binary) {
  const std::vector<uint32_t> types = ProgramHeaderTypes(binary);
  ASSERT_FALSE(types.empty()) << binary << " is not an ELF64 file";
  for (uint32_t type : types) {
    EXPECT_NE(type, static_cast<uint32_t>(PT_INTERP))
        << binary << " names a dynamic loader: it needs the build machine's shared libraries";
    EXPECT_NE(type, static_cast<uint32_t>(PT_DYNAMIC)) << binary << " has a dynamic section";
  }
}

TEST(Release, ProviderBinaryIsFullyStatic) {
  auto binary = ProviderBinary();
  ASSERT_TRUE(binary.ok()) << binary.status();
  ExpectFullyStatic(*binary);
}

// scripts/release.sh run into a temporary directory; the set it wrote.
class ReleaseSet : public testing::Test {
 protected:
  void SetUp() override {
    version_ = ProjectVersion();
    ASSERT_FALSE(version_.empty());
    auto binary = ProviderBinary();
    ASSERT_TRUE(binary.ok()) << binary.status();
    dist_ = fs::path(temp_.path()) / "dist";
    std::vector<std::string> env = BaseEnvironment();
    env.insert(env.end(), extra_env_.begin(), extra_env_.end());
    RunResult run = RunCommand({Which("bash"), (SourceDir() / "scripts/release.sh").string(),
                                "--binary", binary->string(), "--out", dist_.string(), version_},
                               temp_.path(), env);
    ASSERT_TRUE(run.Succeeded()) << run.Describe();
  }

  fs::path File(const std::string& suffix) const {
    return dist_ / absl::StrCat(kName, "_", version_, suffix);
  }

  // Unzips the release's binary alone into `dir`; its path there.
  fs::path UnzipBinary(const fs::path& dir) const {
    fs::create_directories(dir);
    RunResult run = RunCommand({Which("unzip"), "-q", "-o", File("_linux_amd64.zip").string(),
                                absl::StrCat(kName, "_v", version_), "-d", dir.string()},
                               dir, BaseEnvironment());
    EXPECT_TRUE(run.Succeeded()) << run.Describe();
    return dir / absl::StrCat(kName, "_v", version_);
  }

  cc_test::TempDir temp_{"cc-release"};
  std::vector<std::string> extra_env_;
  std::string version_;
  fs::path dist_;
};

// The set PRODUCT.md lists: the zip with the _vVERSION binary and LICENSE,
// the manifest, and SHA256SUMS covering both.
TEST_F(ReleaseSet, WritesZipManifestAndChecksumsAsTheRegistryNamesThem) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dist_)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  const std::string prefix = absl::StrCat(kName, "_", version_);
  EXPECT_EQ(names, (std::vector<std::string>{prefix + "_SHA256SUMS", prefix + "_linux_amd64.zip",
                                             prefix + "_manifest.json"}));

  const auto manifest = nlohmann::json::parse(ReadText(File("_manifest.json")), nullptr, false);
  EXPECT_EQ(manifest,
            nlohmann::json::parse(R"({"version":1,"metadata":{"protocol_versions":["6.0"]}})"));

  RunResult listing = RunCommand({Which("unzip"), "-Z1", File("_linux_amd64.zip").string()}, dist_,
                                 BaseEnvironment());
  ASSERT_TRUE(listing.Succeeded()) << listing.Describe();
  std::vector<std::string> entries = absl::StrSplit(listing.stdout_text, '\n', absl::SkipEmpty());
  std::sort(entries.begin(), entries.end());
  EXPECT_EQ(entries, (std::vector<std::string>{"LICENSE", absl::StrCat(kName, "_v", version_)}));

  const std::string sums = ReadText(File("_SHA256SUMS"));
  const std::string expected = absl::StrCat(
      Sha256Hex(ReadText(File("_linux_amd64.zip"))), "  ", prefix, "_linux_amd64.zip\n",
      Sha256Hex(ReadText(File("_manifest.json"))), "  ", prefix, "_manifest.json\n");
  EXPECT_EQ(sums, expected);

  const fs::path binary = UnzipBinary(fs::path(temp_.path()) / "unzipped");
  ExpectFullyStatic(binary);
  EXPECT_EQ(fs::status(binary).permissions() & fs::perms::owner_exec, fs::perms::owner_exec);
}

// The root module of the install tests: the released version, pinned, and a
// task definition that shares the host's PID namespace.
std::string PinnedConfig(const std::string& version) {
  return absl::StrCat(R"(terraform {
  required_providers {
    compliancecheck = {
      source  = "compliancecheck/compliancecheck"
      version = ")",
                      version, R"("
    }
  }
}

data "compliancecheck_ecs_task_definition" "web" {
  family   = "web"
  pid_mode = "host"
}
)");
}

// A workspace whose CLI config installs from `mirror` only, as a user's
// would (no dev_overrides). The workspace keeps its CLI config beside dir().
std::unique_ptr<Workspace> MirrorWorkspace(const std::string& config, const fs::path& mirror) {
  auto workspace = NewWorkspace({{"main.tf", config}});
  if (workspace == nullptr) return nullptr;
  std::ofstream(workspace->dir().parent_path() / "cli.tfrc")
      << "disable_checkpoint = true\n"
      << "provider_installation {\n"
      << "  filesystem_mirror {\n"
      << "    path    = \"" << mirror.string() << "\"\n"
      << "    include = [\"" << kAddress << "\"]\n"
      << "  }\n"
      << "}\n";
  return workspace;
}

// `zip` placed in a packed mirror at `mirror`, as PRODUCT.md names it.
void PackMirror(const fs::path& zip, const fs::path& mirror, const std::string& version) {
  const fs::path packed = mirror / kAddress / absl::StrCat(kName, "_", version, "_linux_amd64.zip");
  fs::create_directories(packed.parent_path());
  fs::copy_file(zip, packed, fs::copy_options::overwrite_existing);
}

// Terraform's "h1:" package hash (Go's dirhash Hash1) of the files in
// `dir`: SHA-256 over the sorted lines "<sha256 hex>  <name>\n", base64.
std::string Hash1(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  std::string summary;
  for (const auto& name : names) {
    absl::StrAppend(&summary, Sha256Hex(ReadText(dir / name)), "  ", name, "\n");
  }
  std::string digest(32, '\0');
  unsigned int length = 0;
  EVP_Digest(summary.data(), summary.size(), reinterpret_cast<unsigned char*>(digest.data()),
             &length, EVP_sha256(), nullptr);
  return "h1:" + absl::Base64Escape(digest);
}

// The user's way: the zip in a packed filesystem mirror, a CLI config naming
// it, `terraform init` (no dev_overrides), `terraform providers lock`, then
// a plan that fails at pid_mode. From a filesystem mirror Terraform records
// the "h1:" hash of the zip's contents (it records "zh:" hashes only from a
// registry that signs them): the one it locks is the one of the files we
// shipped.
TEST_F(ReleaseSet, InstallsFromAPackedMirrorLocksItsHashAndFailsPlanAtPidMode) {
  const fs::path mirror = fs::path(temp_.path()) / "mirror";
  PackMirror(File("_linux_amd64.zip"), mirror, version_);
  const std::string config = PinnedConfig(version_);
  auto workspace = MirrorWorkspace(config, mirror);
  ASSERT_NE(workspace, nullptr);

  RunResult init = workspace->Terraform({"init", "-input=false", "-no-color"});
  ASSERT_TRUE(init.Succeeded()) << init.Describe();
  EXPECT_TRUE(
      absl::StrContains(init.combined, absl::StrCat("compliancecheck/compliancecheck v", version_)))
      << init.Describe();
  const fs::path installed = workspace->dir() / ".terraform/providers" / kAddress / version_ /
                             "linux_amd64" / absl::StrCat(kName, "_v", version_);
  EXPECT_TRUE(fs::exists(installed)) << installed;

  fs::remove(workspace->dir() / ".terraform.lock.hcl");
  RunResult lock = workspace->Terraform(
      {"providers", "lock", "-fs-mirror=" + mirror.string(), "-platform=linux_amd64"});
  ASSERT_TRUE(lock.Succeeded()) << lock.Describe();
  const std::string lock_file = ReadText(workspace->dir() / ".terraform.lock.hcl");
  const fs::path unzipped = fs::path(temp_.path()) / "contents";
  fs::create_directories(unzipped);
  RunResult unzip =
      RunCommand({Which("unzip"), "-q", File("_linux_amd64.zip").string(), "-d", unzipped.string()},
                 unzipped, BaseEnvironment());
  ASSERT_TRUE(unzip.Succeeded()) << unzip.Describe();
  EXPECT_TRUE(absl::StrContains(lock_file, absl::StrCat("\"", Hash1(unzipped), "\"")))
      << "the locked hash is not the one of the zip's files:\n"
      << lock_file;

  RunResult plan = workspace->Plan();
  EXPECT_EQ(plan.exit_code, 1) << plan.Describe();
  EXPECT_TRUE(HasDiagnostic(plan.combined, "Error", kEcs3Summary)) << plan.Describe();
  EXPECT_TRUE(absl::StrContains(DiagnosticBody(plan.combined, "Error", kEcs3Summary),
                                SourceLine(config, R"(pid_mode = "host")")))
      << plan.Describe();
  EXPECT_FALSE(absl::StrContains(plan.combined, "development overrides")) << plan.Describe();
}

// A lock file that pins the zip by the "zh:" hash SHA256SUMS lists (what the
// public registry would have written) is what `terraform init` checks the
// mirror's zip against: the released zip installs, any other zip is refused.
TEST_F(ReleaseSet, InitChecksTheMirrorsZipAgainstTheZhHashOfSha256Sums) {
  std::string zh;
  for (absl::string_view line : absl::StrSplit(ReadText(File("_SHA256SUMS")), '\n')) {
    if (absl::EndsWith(line, "_linux_amd64.zip")) zh = std::string(line.substr(0, 64));
  }
  ASSERT_EQ(zh.size(), 64u) << ReadText(File("_SHA256SUMS"));
  const std::string lock_file = absl::StrCat("provider \"", kAddress, "\" {\n  version     = \"",
                                             version_, "\"\n  constraints = \"", version_,
                                             "\"\n  hashes = [\n    \"zh:", zh, "\",\n  ]\n}\n");

  const fs::path good_mirror = fs::path(temp_.path()) / "mirror";
  PackMirror(File("_linux_amd64.zip"), good_mirror, version_);
  auto good = MirrorWorkspace(PinnedConfig(version_), good_mirror);
  ASSERT_NE(good, nullptr);
  ASSERT_TRUE(good->WriteFile(".terraform.lock.hcl", lock_file).ok());
  RunResult init = good->Terraform({"init", "-input=false", "-no-color"});
  EXPECT_TRUE(init.Succeeded()) << init.Describe();
  RunResult plan = good->Plan();
  EXPECT_EQ(plan.exit_code, 1) << plan.Describe();
  EXPECT_TRUE(HasDiagnostic(plan.combined, "Error", kEcs3Summary)) << plan.Describe();

  // The same files zipped again (other timestamps): another zip, refused.
  const fs::path other_zip = fs::path(temp_.path()) / "other.zip";
  const fs::path contents = fs::path(temp_.path()) / "contents";
  fs::create_directories(contents);
  ASSERT_TRUE(
      RunCommand({Which("unzip"), "-q", File("_linux_amd64.zip").string(), "-d", contents.string()},
                 contents, BaseEnvironment())
          .Succeeded());
  fs::last_write_time(contents / "LICENSE", fs::file_time_type::clock::now());
  ASSERT_TRUE(RunCommand({Which("zip"), "-q", "-X", other_zip.string(),
                          absl::StrCat(kName, "_v", version_), "LICENSE"},
                         contents, BaseEnvironment())
                  .Succeeded());
  const fs::path bad_mirror = fs::path(temp_.path()) / "bad-mirror";
  PackMirror(other_zip, bad_mirror, version_);
  auto bad = MirrorWorkspace(PinnedConfig(version_), bad_mirror);
  ASSERT_NE(bad, nullptr);
  ASSERT_TRUE(bad->WriteFile(".terraform.lock.hcl", lock_file).ok());
  RunResult refused = bad->Terraform({"init", "-input=false", "-no-color"});
  EXPECT_FALSE(refused.Succeeded()) << "a zip that is not the released one was installed";
  EXPECT_TRUE(absl::StrContains(refused.combined, "checksum")) << refused.Describe();
}

// A private GNUPGHOME under `dir` with a fresh signing key: its environment
// (GNUPGHOME=...) and the key's fingerprint; empty fingerprint after a
// recorded failure.
struct GpgKey {
  std::vector<std::string> env;
  std::string fingerprint;
};

GpgKey MakeGpgKey(const fs::path& dir) {
  GpgKey key;
  const std::string gpg = Which("gpg");
  if (gpg.empty()) {
    ADD_FAILURE() << "gpg (Debian package gnupg) is needed to sign releases";
    return key;
  }
  const fs::path home = dir / "gnupg";
  fs::create_directories(home);
  fs::permissions(home, fs::perms::owner_all);
  key.env = BaseEnvironment();
  key.env.push_back("GNUPGHOME=" + home.string());
  RunResult made =
      RunCommand({gpg, "--batch", "--passphrase", "", "--quick-generate-key",
                  "Release Test <release-test@example.invalid>", "ed25519", "sign", "never"},
                 dir, key.env);
  if (!made.Succeeded()) {
    ADD_FAILURE() << made.Describe();
    return key;
  }
  RunResult listed =
      RunCommand({gpg, "--batch", "--with-colons", "--list-secret-keys"}, dir, key.env);
  for (absl::string_view line : absl::StrSplit(listed.stdout_text, '\n')) {
    if (absl::StartsWith(line, "fpr:") && key.fingerprint.empty()) {
      std::vector<std::string> fields = absl::StrSplit(line, ':');
      if (fields.size() > 9) key.fingerprint = fields[9];
    }
  }
  if (key.fingerprint.empty()) ADD_FAILURE() << listed.Describe();
  return key;
}

// The release set signed with a throwaway GPG key, as a publisher's is.
class SignedReleaseSet : public ReleaseSet {
 protected:
  void SetUp() override {
    key_ = MakeGpgKey(fs::path(temp_.path()));
    ASSERT_FALSE(key_.fingerprint.empty());
    extra_env_ = {key_.env.back(), "GPG_FINGERPRINT=" + key_.fingerprint};
    ReleaseSet::SetUp();
  }

  GpgKey key_;
};

// A throwaway CA and a server certificate it signs for 127.0.0.1 and
// localhost, written to `dir` as ca.pem, server.pem and server.key.
void MakeServerCertificate(const fs::path& dir) {
  const std::string openssl = Which("openssl");
  ASSERT_FALSE(openssl.empty()) << "openssl (Debian package openssl) makes the test CA";
  const std::vector<std::string> env = BaseEnvironment();
  const std::string ec = "ec_paramgen_curve:prime256v1";
  RunResult ca = RunCommand({openssl,   "req",
                             "-x509",   "-newkey",
                             "ec",      "-pkeyopt",
                             ec,        "-nodes",
                             "-days",   "1",
                             "-subj",   "/CN=compliancecheck test CA",
                             "-keyout", "ca.key",
                             "-out",    "ca.pem",
                             "-addext", "basicConstraints=critical,CA:TRUE",
                             "-addext", "keyUsage=critical,keyCertSign"},
                            dir, env);
  ASSERT_TRUE(ca.Succeeded()) << ca.Describe();
  RunResult csr =
      RunCommand({openssl, "req", "-new", "-newkey", "ec", "-pkeyopt", ec, "-nodes", "-subj",
                  "/CN=localhost", "-keyout", "server.key", "-out", "server.csr"},
                 dir, env);
  ASSERT_TRUE(csr.Succeeded()) << csr.Describe();
  std::ofstream(dir / "server.ext") << "subjectAltName=IP:127.0.0.1,DNS:localhost\n"
                                    << "extendedKeyUsage=serverAuth\n";
  RunResult signed_cert =
      RunCommand({openssl, "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
                  "-CAcreateserial", "-days", "1", "-extfile", "server.ext", "-out", "server.pem"},
                 dir, env);
  ASSERT_TRUE(signed_cert.Succeeded()) << signed_cert.Describe();
}

// tests/support/registry_server.py serving a release set over HTTPS as the
// origin registry of compliancecheck/compliancecheck; killed (with its
// process group) on destruction.
class RegistryServer {
 public:
  RegistryServer() = default;
  RegistryServer(const RegistryServer&) = delete;
  RegistryServer& operator=(const RegistryServer&) = delete;
  ~RegistryServer() {
    if (child_.pid > 0) {
      ::kill(-child_.pid, SIGKILL);
      ::waitpid(child_.pid, nullptr, 0);
    }
    if (child_.stdout_fd >= 0) ::close(child_.stdout_fd);
    if (child_.stderr_fd >= 0) ::close(child_.stderr_fd);
  }

  // Starts the server; the port it listens on, or 0 after a recorded failure.
  int Start(const std::vector<std::string>& arguments, const fs::path& dir) {
    const std::string python = Which("python3");
    if (python.empty()) {
      ADD_FAILURE() << "python3 (Debian package python3) runs the test registry";
      return 0;
    }
    cc_test::SpawnRequest request;
    request.argv = {python, (SourceDir() / "tests/support/registry_server.py").string()};
    request.argv.insert(request.argv.end(), arguments.begin(), arguments.end());
    request.env = BaseEnvironment();
    request.dir = dir.string();
    request.own_process_group = true;
    auto child = cc_test::Spawn(request);
    if (!child.ok()) {
      ADD_FAILURE() << child.status();
      return 0;
    }
    child_ = *child;
    std::string line;
    while (!absl::StrContains(line, '\n')) {
      pollfd ready{child_.stdout_fd, POLLIN, 0};
      if (::poll(&ready, 1, 10000) <= 0) break;
      char buffer[64];
      const ssize_t n = ::read(child_.stdout_fd, buffer, sizeof buffer);
      if (n <= 0) break;
      line.append(buffer, static_cast<size_t>(n));
    }
    int port = 0;
    if (!absl::SimpleAtoi(absl::StripAsciiWhitespace(line), &port) || port <= 0) {
      char buffer[4096];
      const ssize_t n = ::read(child_.stderr_fd, buffer, sizeof buffer);
      ADD_FAILURE() << "the test registry printed no port; stderr: "
                    << std::string(buffer, n > 0 ? static_cast<size_t>(n) : 0);
      return 0;
    }
    return port;
  }

 private:
  cc_test::SpawnedChild child_;
};

// The user's way with the publisher's signature: the zip in a packed
// filesystem mirror, `terraform providers lock` asking the origin registry
// (a local HTTPS server the CLI config's host block names, serving the signed
// release set), `terraform init` from the mirror against that lock file, then
// a plan that fails at pid_mode. The lock file holds the "zh:" hash
// SHA256SUMS lists for the zip, and the "h1:" hash of its files.
TEST_F(SignedReleaseSet, LockRecordsTheZhHashOfSha256SumsFromTheOriginRegistry) {
  const std::string gpg = Which("gpg");
  const fs::path root = fs::path(temp_.path());
  RunResult exported =
      RunCommand({gpg, "--batch", "--armor", "--export", key_.fingerprint}, root, key_.env);
  ASSERT_TRUE(exported.Succeeded()) << exported.Describe();
  ASSERT_TRUE(absl::StrContains(exported.stdout_text, "BEGIN PGP PUBLIC KEY BLOCK"));
  std::ofstream(root / "public.asc") << exported.stdout_text;
  ASSERT_NO_FATAL_FAILURE(MakeServerCertificate(root));

  RegistryServer server;
  const int port = server.Start(
      {dist_.string(), version_, (root / "server.pem").string(), (root / "server.key").string(),
       (root / "public.asc").string(), key_.fingerprint.substr(key_.fingerprint.size() - 16)},
      root);
  ASSERT_GT(port, 0);

  const fs::path mirror = root / "mirror";
  PackMirror(File("_linux_amd64.zip"), mirror, version_);
  const std::string config = PinnedConfig(version_);
  WorkspaceOptions options;
  options.extra_env["SSL_CERT_FILE"] = (root / "ca.pem").string();
  options.cli_config = absl::StrCat(
      "disable_checkpoint = true\n", "host \"registry.terraform.io\" {\n", "  services = {\n",
      "    \"providers.v1\" = \"https://127.0.0.1:", port, "/v1/providers/\"\n", "  }\n", "}\n",
      "provider_installation {\n", "  filesystem_mirror {\n", "    path    = \"", mirror.string(),
      "\"\n", "    include = [\"", kAddress, "\"]\n", "  }\n", "}\n");
  auto workspace = NewWorkspace({{"main.tf", config}}, options);
  ASSERT_NE(workspace, nullptr);

  RunResult lock = workspace->Terraform({"providers", "lock", "-platform=linux_amd64"});
  ASSERT_TRUE(lock.Succeeded()) << lock.Describe();
  const std::string lock_file = ReadText(workspace->dir() / ".terraform.lock.hcl");
  std::string zip_sum;
  for (absl::string_view line : absl::StrSplit(ReadText(File("_SHA256SUMS")), '\n')) {
    if (absl::EndsWith(line, "_linux_amd64.zip")) zip_sum = std::string(line.substr(0, 64));
  }
  ASSERT_EQ(zip_sum, Sha256Hex(ReadText(File("_linux_amd64.zip"))));
  EXPECT_TRUE(absl::StrContains(lock_file, absl::StrCat("\"zh:", zip_sum, "\"")))
      << "the lock file lacks the zh: hash SHA256SUMS lists for the zip:\n"
      << lock_file;
  const fs::path unzipped = root / "contents";
  fs::create_directories(unzipped);
  RunResult unzip =
      RunCommand({Which("unzip"), "-q", File("_linux_amd64.zip").string(), "-d", unzipped.string()},
                 unzipped, BaseEnvironment());
  ASSERT_TRUE(unzip.Succeeded()) << unzip.Describe();
  EXPECT_TRUE(absl::StrContains(lock_file, absl::StrCat("\"", Hash1(unzipped), "\"")))
      << "the locked h1: hash is not the one of the zip's files:\n"
      << lock_file;

  RunResult init = workspace->Terraform({"init", "-input=false", "-no-color"});
  ASSERT_TRUE(init.Succeeded()) << init.Describe();
  EXPECT_TRUE(
      absl::StrContains(init.combined, absl::StrCat("compliancecheck/compliancecheck v", version_)))
      << init.Describe();
  EXPECT_EQ(ReadText(workspace->dir() / ".terraform.lock.hcl"), lock_file)
      << "init from the mirror changed the lock file providers lock wrote";

  RunResult plan = workspace->Plan();
  EXPECT_EQ(plan.exit_code, 1) << plan.Describe();
  EXPECT_TRUE(HasDiagnostic(plan.combined, "Error", kEcs3Summary)) << plan.Describe();
  EXPECT_TRUE(absl::StrContains(DiagnosticBody(plan.combined, "Error", kEcs3Summary),
                                SourceLine(config, R"(pid_mode = "host")")))
      << plan.Describe();
  EXPECT_FALSE(absl::StrContains(plan.combined, "development overrides")) << plan.Describe();
}

// The binary from the zip needs nothing from the machine: in a directory
// tree that holds only itself (and an empty /tmp for its socket), with an
// empty environment, it prints its version; with only go-plugin's variables
// it hands shake. A user namespace lets chroot run without root.
TEST_F(ReleaseSet, BinaryFromTheZipRunsAloneInAnEmptyTreeWithAnEmptyEnvironment) {
  const fs::path tree = fs::path(temp_.path()) / "tree";
  const fs::path binary = UnzipBinary(tree);
  fs::create_directories(tree / "tmp");
  size_t files = 0;
  for (auto it = fs::recursive_directory_iterator(tree); it != fs::recursive_directory_iterator();
       ++it) {
    if (!it->is_directory()) ++files;
  }
  ASSERT_EQ(files, 1u) << "the tree must hold the binary alone";
  const std::string unshare = Which("unshare");
  const std::string chroot = Which("chroot");
  ASSERT_FALSE(unshare.empty() || chroot.empty()) << "unshare and chroot (util-linux, coreutils)";
  const std::string inside = "/" + binary.filename().string();

  RunResult version = RunCommand(
      {unshare, "--user", "--map-root-user", chroot, tree.string(), inside, "-version"}, tree, {});
  ASSERT_TRUE(version.Succeeded()) << version.Describe();
  EXPECT_TRUE(absl::StartsWith(version.stdout_text, absl::StrCat("compliancecheck ", version_)))
      << version.Describe();

  cc_test::PluginOptions options;
  options.binary = unshare;
  options.arguments = {"--user", "--map-root-user", chroot, tree.string(), inside};
  options.protocol_versions = "6";
  auto process = cc_test::PluginProcess::Start(std::move(options));
  ASSERT_TRUE(process.ok()) << process.status();
  auto handshake = (*process)->ReadHandshake();
  ASSERT_TRUE(handshake.ok()) << handshake.status() << "\nstderr: " << (*process)->Stderr();
  EXPECT_EQ(handshake->app_protocol_version, 6);
  EXPECT_EQ(handshake->network, "unix");
  EXPECT_TRUE(absl::StartsWith(handshake->address, "/tmp/")) << handshake->address;
  EXPECT_FALSE(handshake->server_certificate.empty())
      << "AutoMTLS works without the machine's files";
  (*process)->SendSignal(SIGTERM);
  const auto exit = (*process)->WaitForExit(std::chrono::seconds(10));
  ASSERT_TRUE(exit.has_value());
  EXPECT_TRUE(exit->exited && exit->code == 0) << exit->code << " " << (*process)->Stderr();
}

// A VERSION other than the project's is refused, and nothing is written.
TEST(ReleaseScript, RefusesAVersionThatIsNotTheProjectVersion) {
  cc_test::TempDir temp("cc-release-refuse");
  auto binary = ProviderBinary();
  ASSERT_TRUE(binary.ok()) << binary.status();
  const fs::path out = fs::path(temp.path()) / "dist";
  RunResult run = RunCommand({Which("bash"), (SourceDir() / "scripts/release.sh").string(),
                              "--binary", binary->string(), "--out", out.string(), "9.9.9"},
                             temp.path(), BaseEnvironment());
  EXPECT_NE(run.exit_code, 0) << run.Describe();
  EXPECT_TRUE(absl::StrContains(run.stderr_text, "not the project version " + ProjectVersion()))
      << run.Describe();
  EXPECT_FALSE(fs::exists(out)) << "a refused release wrote files";
}

// With GPG_FINGERPRINT naming a key, SHA256SUMS gets a detached signature
// that verifies, and stops verifying when the sums change.
TEST(ReleaseScript, SignsTheChecksumsWithTheKeyGpgFingerprintNames) {
  cc_test::TempDir temp("cc-release-sign");
  const std::string gpg = Which("gpg");
  const GpgKey key = MakeGpgKey(fs::path(temp.path()));
  ASSERT_FALSE(key.fingerprint.empty());
  const std::string fingerprint = key.fingerprint;
  const std::vector<std::string>& env = key.env;

  auto binary = ProviderBinary();
  ASSERT_TRUE(binary.ok()) << binary.status();
  const fs::path out = fs::path(temp.path()) / "dist";
  std::vector<std::string> release_env = env;
  release_env.push_back("GPG_FINGERPRINT=" + fingerprint);
  const std::string version = ProjectVersion();
  RunResult run = RunCommand({Which("bash"), (SourceDir() / "scripts/release.sh").string(),
                              "--binary", binary->string(), "--out", out.string(), version},
                             temp.path(), release_env);
  ASSERT_TRUE(run.Succeeded()) << run.Describe();
  const fs::path sums = out / absl::StrCat(kName, "_", version, "_SHA256SUMS");
  const fs::path sig = fs::path(sums.string() + ".sig");
  ASSERT_TRUE(fs::exists(sig)) << run.Describe();
  RunResult verified =
      RunCommand({gpg, "--batch", "--verify", sig.string(), sums.string()}, temp.path(), env);
  EXPECT_TRUE(verified.Succeeded()) << verified.Describe();

  std::ofstream(sums, std::ios::app) << "0000  tampered\n";
  RunResult tampered =
      RunCommand({gpg, "--batch", "--verify", sig.string(), sums.string()}, temp.path(), env);
  EXPECT_FALSE(tampered.Succeeded()) << "a changed SHA256SUMS still verified";
}

// `cmake --install` lays the binary out as an unpacked filesystem mirror,
// which `terraform init -plugin-dir` installs from.
TEST(Install, CmakeInstallWritesTheMirrorLayoutThatInitInstallsFrom) {
  cc_test::TempDir temp("cc-install");
  auto binary = ProviderBinary();
  ASSERT_TRUE(binary.ok()) << binary.status();
  const fs::path build_dir = binary->parent_path().parent_path();
  const fs::path prefix = fs::path(temp.path()) / "plugins";
  RunResult install =
      RunCommand({Which("cmake"), "--install", build_dir.string(), "--prefix", prefix.string()},
                 temp.path(), BaseEnvironment());
  ASSERT_TRUE(install.Succeeded()) << install.Describe();
  const std::string version = ProjectVersion();
  const fs::path installed =
      prefix / kAddress / version / "linux_amd64" / absl::StrCat(kName, "_v", version);
  ASSERT_TRUE(fs::exists(installed)) << install.Describe();

  const std::string config = absl::StrCat(kRequiredProviders, R"(
data "compliancecheck_ecs_task_definition" "web" {
  family   = "web"
  pid_mode = "host"
}
)");
  auto workspace = NewWorkspace({{"main.tf", config}});
  ASSERT_NE(workspace, nullptr);
  std::ofstream(workspace->dir().parent_path() / "cli.tfrc") << "disable_checkpoint = true\n";
  RunResult init =
      workspace->Terraform({"init", "-input=false", "-no-color", "-plugin-dir=" + prefix.string()});
  ASSERT_TRUE(init.Succeeded()) << init.Describe();
  RunResult plan = workspace->Plan();
  EXPECT_EQ(plan.exit_code, 1) << plan.Describe();
  EXPECT_TRUE(HasDiagnostic(plan.combined, "Error", kEcs3Summary)) << plan.Describe();
}

}  // namespace
}  // namespace e2e
