// The options registry on a struct of its own: defaults read from the struct, the
// messages of each kind of range, optional and choice fields, nesting, help expansion,
// the check order and the description Python reads.
#include "sixlink/core/options.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>

#include "sixlink/core/error.hpp"

namespace sixlink {
namespace {

enum class Colour { kRed, kGreen };

struct Inner {
  double weight = 0.5;
};

struct Toy {
  double share = 0.25;
  double spread = 0.5;
  int tiers = 8;
  int threads = 0;
  std::int64_t count = 50;
  std::uint64_t seed = 7;
  std::optional<double> lambda;
  double low = 1.0, high = 2.0;
  bool flag = true;
  Colour colour = Colour::kGreen;
  Inner inner;
};

const OptionRegistry<Inner>& inner_registry() {
  static const OptionRegistry<Inner> registry = [] {
    OptionRegistry<Inner> r("inner");
    r.add("weight", &Inner::weight).flag("--weight").in(0, 1e3).help("Weight (default {default})");
    r.seal();
    return r;
  }();
  return registry;
}

const OptionRegistry<Toy>& toy_registry() {
  static const OptionRegistry<Toy> registry = [] {
    OptionRegistry<Toy> r("toy");
    r.add("share", &Toy::share).flag("--share").in(0, 1).help("Share in [{lo}, {hi}] ({default})");
    r.add("spread", &Toy::spread).in_half_open(0, 1);
    r.add("tiers", &Toy::tiers).in(1, 1000000).help("{lo} to {hi}, default {default}");
    r.add("threads", &Toy::threads).at_least(0);
    r.add("count", &Toy::count).at_least(0).requirement("must not be negative").cli_max(100);
    r.add("seed", &Toy::seed);
    r.add("lambda", &Toy::lambda).in(0, 1);
    r.add("low", &Toy::low);
    r.add("high", &Toy::high).then_check([](const Toy& t) {
      if (t.low > t.high) throw InvalidInput("low must not exceed high");
    });
    r.add("flag", &Toy::flag).help("A flag (default {default})");
    r.add_choice("colour", &Toy::colour, {{"red", Colour::kRed}, {"green", Colour::kGreen}})
        .help("{choices}");
    r.nest(inner_registry(), &Toy::inner, "weight");
    r.seal();
    return r;
  }();
  return registry;
}

std::string message(const Toy& toy) {
  try {
    toy_registry().check(toy);
  } catch (const InvalidInput& e) {
    return e.what();
  }
  return "";
}

TEST(OptionRegistry, DefaultsComeFromTheStruct) {
  const auto& r = toy_registry();
  EXPECT_EQ(r.field("share").info.default_value, OptionValue(0.25));
  EXPECT_EQ(r.field("tiers").info.default_value, OptionValue(std::int64_t{8}));
  EXPECT_EQ(r.field("seed").info.default_value, OptionValue(std::uint64_t{7}));
  EXPECT_TRUE(std::holds_alternative<std::monostate>(r.field("lambda").info.default_value));
  EXPECT_EQ(r.field("flag").info.default_value, OptionValue(true));
  EXPECT_EQ(r.field("colour").info.default_value, OptionValue(std::string("green")));
  EXPECT_EQ(r.field("weight").info.default_value, OptionValue(0.5));
  EXPECT_EQ(r.name(), "toy");
  EXPECT_THROW(r.field("nothing"), std::out_of_range);
}

TEST(OptionRegistry, HelpIsExpanded) {
  const auto& r = toy_registry();
  EXPECT_EQ(r.field("share").info.help, "Share in [0, 1] (0.25)");
  EXPECT_EQ(r.field("tiers").info.help, "1 to 1000000, default 8");  // integers in digits
  EXPECT_EQ(r.field("flag").info.help, "A flag (default true)");
  EXPECT_EQ(r.field("colour").info.help, "red or green (default)");
  EXPECT_EQ(r.field("weight").info.help, "Weight (default 0.5)");
  OptionInfo info;
  info.name = "x";
  EXPECT_THROW(expand_option_help("{nope}", info), std::logic_error);
  EXPECT_EQ(expand_option_help("no keys", info), "no keys");
}

TEST(OptionRegistry, DefaultsPassTheCheck) { EXPECT_EQ(message(Toy{}), ""); }

TEST(OptionRegistry, MessagesOfEachRange) {
  Toy t;
  t.share = 1.5;
  EXPECT_EQ(message(t), "share must be in [0, 1], got 1.5");
  t.share = std::nan("");
  EXPECT_EQ(message(t), "share must be in [0, 1], got NaN");
  t = Toy{};
  t.spread = 1.0;
  EXPECT_EQ(message(t), "spread must be in [0, 1), got 1");
  t = Toy{};
  t.tiers = 0;
  EXPECT_EQ(message(t), "tiers must be in [1, 1000000], got 0");
  t = Toy{};
  t.threads = -1;
  EXPECT_EQ(message(t), "threads must be >= 0, got -1");
  t = Toy{};
  t.count = -3;
  EXPECT_EQ(message(t), "count must not be negative, got -3");
  t = Toy{};
  t.lambda = 2.0;
  EXPECT_EQ(message(t), "lambda must be in [0, 1], got 2");
  t = Toy{};
  t.low = 3.0;
  EXPECT_EQ(message(t), "low must not exceed high");
}

TEST(OptionRegistry, LowerBoundAloneDemandsAFiniteReal) {
  OptionInfo info;
  info.name = "min_change";
  info.range.lo = 0.0;
  EXPECT_EQ(option_range_error(info, 3.0), "");
  EXPECT_EQ(option_range_error(info, std::numeric_limits<double>::infinity()),
            "min_change must be >= 0, got inf");
  EXPECT_EQ(option_range_error(info, std::monostate{}), "");  // an empty optional
  info.range = {};
  EXPECT_EQ(option_range_error(info, std::nan("")), "");  // no range: not checked
}

TEST(OptionRegistry, ChecksInDeclarationOrder) {
  Toy t;
  t.threads = -1;
  t.share = 2.0;
  EXPECT_EQ(message(t), "share must be in [0, 1], got 2");  // share is declared first
}

TEST(OptionRegistry, NestedFieldsAreDescribedButCheckedByTheirOwnRegistry) {
  Toy t;
  t.inner.weight = 5000;
  EXPECT_EQ(message(t), "");
  const auto& weight = toy_registry().field("weight");
  EXPECT_FALSE(weight.info.checked);
  EXPECT_EQ(weight.info.flag, "--weight");
  weight.set(t, 2.5);
  EXPECT_EQ(t.inner.weight, 2.5);
  EXPECT_EQ(weight.get(t), OptionValue(2.5));
}

TEST(OptionRegistry, SetWritesEachKind) {
  const auto& r = toy_registry();
  Toy t;
  r.field("lambda").set(t, 0.3);
  EXPECT_EQ(t.lambda, 0.3);
  r.field("lambda").set(t, std::monostate{});
  EXPECT_FALSE(t.lambda);
  r.field("tiers").set(t, std::int64_t{4});
  EXPECT_EQ(t.tiers, 4);
  r.field("colour").set(t, std::string("red"));
  EXPECT_EQ(t.colour, Colour::kRed);
  try {
    r.field("colour").set(t, std::string("blue"));
    FAIL() << "no exception";
  } catch (const InvalidInput& e) {
    EXPECT_STREQ(e.what(), "colour must be red or green, got 'blue'");
  }
}

TEST(OptionRegistry, DescribeListsEveryField) {
  const auto infos = toy_registry().describe();
  ASSERT_EQ(infos.size(), 12u);
  EXPECT_EQ(infos.front().name, "share");
  EXPECT_EQ(infos.front().kind, OptionKind::kReal);
  EXPECT_EQ(infos[4].cli_max, 100u);
  EXPECT_EQ(infos[5].kind, OptionKind::kUint64);
  EXPECT_TRUE(infos[6].optional);
  EXPECT_EQ(infos[10].choices, (std::vector<std::string>{"red", "green"}));
}

TEST(OptionRegistry, DeclaringAFieldTwiceIsAnError) {
  OptionRegistry<Toy> r("twice");
  r.add("share", &Toy::share);
  EXPECT_THROW(r.add("share", &Toy::spread), std::logic_error);
}

TEST(OptionRegistry, Formatting) {
  EXPECT_EQ(to_string(OptionKind::kInt32), "int32");
  EXPECT_EQ(to_string(OptionKind::kChoice), "choice");
  EXPECT_EQ(format_option_number(1e12), "1e+12");
  EXPECT_EQ(format_option_number(1000), "1000");
  EXPECT_EQ(format_option_number(0.75), "0.75");
  EXPECT_EQ(format_option_value(std::monostate{}), "None");
  EXPECT_EQ(format_option_value(std::uint64_t{18446744073709551615u}), "18446744073709551615");
  OptionInfo info;
  info.kind = OptionKind::kInt64;
  info.range.lo = 0;
  EXPECT_EQ(format_option_range(info), ">= 0");
  info.range.hi = 1e6;
  EXPECT_EQ(format_option_range(info), "in [0, 1000000]");
}

}  // namespace
}  // namespace sixlink
