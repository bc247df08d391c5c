// A probe of the reference's random numbers: std::mt19937 and absl::Gaussian<double>
// as the installed libstdc++ and absl produce them, and the synthetic regression
// tasks built from them with Eigen's fixed-size types (as the reference's task
// creators do). Its output is the bit-exact test data of org.automlzero.random and
// org.automlzero.task. Not part of the Maven build; see run.sh.
//
// Every double is printed with %a (exact). Sections start with "# name", one
// value or record per line, so the Java tests can read them with a few lines.
#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "Eigen/Core"
#include "absl/random/distributions.h"
#include "absl/random/gaussian_distribution.h"

// The ziggurat tables are private to gaussian_distribution_base, which befriends a
// class of this name (absl's own table generator). The probe declares its own
// class under that name only to read the tables the installed library was built
// with.
namespace absl {
ABSL_NAMESPACE_BEGIN
namespace random_internal {
class TableGenerator {
 public:
  static void Print(FILE* out) {
    const auto& zg = gaussian_distribution_base::zg_;
    const size_t n = sizeof(zg.x) / sizeof(zg.x[0]);
    for (size_t i = 0; i < n; ++i) {
      std::fprintf(out, "%zu %a %a\n", i, zg.x[i], zg.f[i]);
    }
  }
};
}  // namespace random_internal
ABSL_NAMESPACE_END
}  // namespace absl

namespace {

uint64_t Bits(double x) {
  uint64_t b;
  std::memcpy(&b, &x, sizeof(b));
  return b;
}

// FNV-1a over 64-bit words: the Java tests compute the same over their draws.
struct Fnv {
  uint64_t h = 0xcbf29ce484222325ULL;
  void Add(double x) {
    h ^= Bits(x);
    h *= 0x100000001b3ULL;
  }
};

// std::mt19937 with a count of the 32-bit words drawn, to see which draws of the
// ziggurat went past its first 64 bits (wedges and tail). Same result_type, min
// and max as std::mt19937, so absl treats it exactly as it treats the engine.
struct CountingMt {
  using result_type = std::mt19937::result_type;
  static constexpr result_type min() { return std::mt19937::min(); }
  static constexpr result_type max() { return std::mt19937::max(); }
  explicit CountingMt(uint32_t seed) : gen(seed) {}
  result_type operator()() {
    ++words;
    return gen();
  }
  std::mt19937 gen;
  uint64_t words = 0;
};

void Mt19937Outputs(FILE* out) {
  std::fprintf(out, "# mt19937: seed, the first 12 outputs, then the 10000th\n");
  const uint32_t seeds[] = {5489u, 1u, 10000u, 100000u, 19000u + 865546086u, 4294967295u};
  for (uint32_t seed : seeds) {
    std::mt19937 gen(seed);
    std::fprintf(out, "%" PRIu32, seed);
    uint32_t v = 0;
    for (int i = 1; i <= 10000; ++i) {
      v = static_cast<uint32_t>(gen());
      if (i <= 12) std::fprintf(out, " %" PRIu32, v);
    }
    std::fprintf(out, " %" PRIu32 "\n", v);
  }
}

// `count` draws of absl::Gaussian<double>(gen, mean, stdev) from std::mt19937(seed).
void GaussianSequence(FILE* out, uint32_t seed, double mean, double stdev, int count) {
  std::fprintf(out, "# gaussian seed=%" PRIu32 " mean=%a stdev=%a count=%d\n", seed, mean, stdev, count);
  std::mt19937 gen(seed);
  for (int i = 0; i < count; ++i) {
    std::fprintf(out, "%a\n", absl::Gaussian<double>(gen, mean, stdev));
  }
}

// A long N(0,1) run: the FNV hash of all draws, how many draws used each number of
// 32-bit words (2: the first box; 4 and more: a wedge test, a rejection, or the
// tail), and the draws that used 8 words or more, with the words they used.
int GaussianLongRun(FILE* out, uint32_t seed, int count) {
  CountingMt counted(seed);
  std::mt19937 plain(seed);
  Fnv fnv;
  std::vector<std::string> rare;
  std::vector<int> histogram(64, 0);
  for (int i = 0; i < count; ++i) {
    const uint64_t before = counted.words;
    const double x = absl::Gaussian<double>(counted, 0.0, 1.0);
    const double y = absl::Gaussian<double>(plain, 0.0, 1.0);
    if (Bits(x) != Bits(y)) {
      std::fprintf(stderr, "counting wrapper changed draw %d\n", i);
      return 1;
    }
    fnv.Add(x);
    const uint64_t used = counted.words - before;
    ++histogram[used < 63 ? used : 63];
    if (used >= 8) {
      char line[96];
      std::snprintf(line, sizeof(line), "%d %" PRIu64 " %a\n", i, used, x);
      rare.push_back(line);
    }
  }
  std::fprintf(out, "# gaussian-long seed=%" PRIu32 " count=%d fnv=%016" PRIx64 "\n", seed, count, fnv.h);
  std::fprintf(out, "words");
  for (size_t w = 0; w < histogram.size(); ++w) {
    if (histogram[w] > 0) std::fprintf(out, " %zu:%d", w, histogram[w]);
  }
  std::fprintf(out, "\n");
  for (const std::string& line : rare) std::fputs(line.c_str(), out);
  return 0;
}

template <int F>
using Vec = Eigen::Matrix<double, F, 1>;
template <int F>
using Mat = Eigen::Matrix<double, F, F, Eigen::RowMajor>;

// A regression task as the reference's creators build it (task_util.h): features
// N(0,1) from mt19937(data_seed + salt), all train then all valid; the teacher from
// mt19937(param_seed + salt); labels from the teacher's Predict with Eigen ops.
// Seeds are uint32, so the sums wrap.
template <int F>
void Task(FILE* out, bool neural, uint32_t param_seed, uint32_t data_seed, int num_train, int num_valid) {
  const uint32_t data_salt = neural ? 865546086u : 939723201u;
  const uint32_t param_salt = neural ? 174299604u : 997958712u;
  std::mt19937 data_gen(static_cast<uint32_t>(data_seed + data_salt));
  std::mt19937 param_gen(static_cast<uint32_t>(param_seed + param_salt));
  std::vector<Vec<F>> train(num_train), valid(num_valid);
  for (Vec<F>& x : train)
    for (int i = 0; i < F; ++i) x(i) = absl::Gaussian<double>(data_gen, 0.0, 1.0);
  for (Vec<F>& x : valid)
    for (int i = 0; i < F; ++i) x(i) = absl::Gaussian<double>(data_gen, 0.0, 1.0);
  Mat<F> m = Mat<F>::Zero();
  Vec<F> w = Vec<F>::Zero();
  const Vec<F> zeros = Vec<F>::Zero();
  if (neural) {
    for (int r = 0; r < F; ++r)
      for (int c = 0; c < F; ++c) m(r, c) = absl::Gaussian<double>(param_gen, 0.0, 1.0);
    for (int c = 0; c < F; ++c) {
      m(0, c) = 0.0;
      m(2, c) = 0.0;
    }
  }
  for (int i = 0; i < F; ++i) w(i) = absl::Gaussian<double>(param_gen, 0.0, 1.0);
  if (neural) {
    w(0) = 0.0;
    w(2) = 0.0;
  }
  auto label = [&](const Vec<F>& x) {
    if (!neural) return static_cast<double>(w.dot(x));  // LinearModel: s1 = dot(v1, v0)
    Vec<F> h = m * x;                                   // v2 = m0 v0
    Vec<F> a = (h.array().max(zeros.array())).matrix(); // v3 = max(v2, v4)
    return static_cast<double>(a.dot(w));               // s1 = dot(v3, v1)
  };
  Fnv features, labels;
  std::vector<double> train_labels, valid_labels;
  for (const Vec<F>& x : train) {
    for (int i = 0; i < F; ++i) features.Add(x(i));
    train_labels.push_back(label(x));
    labels.Add(train_labels.back());
  }
  for (const Vec<F>& x : valid) {
    for (int i = 0; i < F; ++i) features.Add(x(i));
    valid_labels.push_back(label(x));
    labels.Add(valid_labels.back());
  }
  std::fprintf(out,
               "# task kind=%s F=%d param=%" PRIu32 " data=%" PRIu32 " train=%d valid=%d "
               "features_fnv=%016" PRIx64 " labels_fnv=%016" PRIx64 "\n",
               neural ? "nn" : "linear", F, param_seed, data_seed, num_train, num_valid, features.h, labels.h);
  std::fprintf(out, "weights");
  if (neural)
    for (int r = 0; r < F; ++r)
      for (int c = 0; c < F; ++c) std::fprintf(out, " %a", m(r, c));
  for (int i = 0; i < F; ++i) std::fprintf(out, " %a", w(i));
  std::fprintf(out, "\n");
  for (int e = 0; e < 3; ++e) {
    std::fprintf(out, "train %d", e);
    for (int i = 0; i < F; ++i) std::fprintf(out, " %a", train[e](i));
    std::fprintf(out, " %a\n", train_labels[e]);
  }
  std::fprintf(out, "valid %d", num_valid - 1);
  for (int i = 0; i < F; ++i) std::fprintf(out, " %a", valid[num_valid - 1](i));
  std::fprintf(out, " %a\n", valid_labels[num_valid - 1]);
}

// The NeuralNet's Setup draws from the executor's generator: v2 ~ N(0, final) then
// m0 ~ N(0, first) row by row, with the scales stored as float (instruction.h).
void NeuralNetInit(FILE* out, uint32_t seed, float first_scale, float final_scale) {
  std::mt19937 gen(seed);
  std::fprintf(out, "# nn-init seed=%" PRIu32 " first=%a final=%a\n", seed,
               static_cast<double>(first_scale), static_cast<double>(final_scale));
  std::fprintf(out, "v2");
  for (int i = 0; i < 4; ++i) std::fprintf(out, " %a", absl::Gaussian<double>(gen, 0.0, final_scale));
  std::fprintf(out, "\nm0");
  for (int i = 0; i < 16; ++i) std::fprintf(out, " %a", absl::Gaussian<double>(gen, 0.0, first_scale));
  std::fprintf(out, "\n");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: probe OUTPUT_DIR\n");
    return 2;
  }
  const std::string dir = argv[1];
  auto open = [&](const char* name) { return std::fopen((dir + "/" + name).c_str(), "w"); };

  FILE* mt = open("mt19937.txt");
  Mt19937Outputs(mt);
  std::fclose(mt);

  FILE* tables = open("absl-ziggurat-tables.txt");
  std::fprintf(tables, "# absl gaussian_distribution_base::zg_: i x[i] f[i]\n");
  absl::random_internal::TableGenerator::Print(tables);
  std::fclose(tables);

  FILE* g = open("absl-gaussian.txt");
  GaussianSequence(g, 5489u, 0.0, 1.0, 2000);
  GaussianSequence(g, 10000u, 0.0, static_cast<double>(0.1f), 500);
  GaussianSequence(g, 100000u, 0.0, static_cast<double>(0.180920f), 500);
  GaussianSequence(g, 865556086u, 2.5, 0.75, 500);
  std::fclose(g);

  FILE* rare = open("absl-gaussian-long.txt");
  if (GaussianLongRun(rare, 1u, 100000) != 0) return 1;
  std::fclose(rare);

  FILE* tasks = open("reference-tasks.txt");
  Task<4>(tasks, false, 100u, 1000u, 1000, 100);
  Task<4>(tasks, true, 1000u, 10000u, 1000, 100);
  Task<4>(tasks, true, 1001u, 11001u, 10000, 100);
  Task<4>(tasks, true, 9000u, 19000u, 1000, 100);
  Task<8>(tasks, false, 2000000u, 1000000u, 1000, 100);
  Task<8>(tasks, true, 7u, 8u, 200, 20);
  Task<16>(tasks, true, 4294967295u, 4294967000u, 100, 10);
  NeuralNetInit(tasks, 10000u, 0.1f, 0.1f);
  NeuralNetInit(tasks, 100000u, 0.180920f, 0.145231f);
  std::fclose(tasks);
  return 0;
}
