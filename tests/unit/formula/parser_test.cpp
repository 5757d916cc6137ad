#include "cbec/formula/ast.hpp"

#include <gtest/gtest.h>

#include "cbec/core/error.hpp"

using namespace cbec;

namespace {
// The FormulaError's message for a formula, or "no error".
std::string message(const std::string& formula) {
  try {
    parse_formula(formula);
  } catch (const FormulaError& e) {
    return std::string(e.what());
  }
  return std::string("no error");
}
}  // namespace

TEST(FormulaParser, FullFixestStyleFormula) {
  ModelSpec s = parse_formula("y ~ x1 + log(x2) + l(x3, 1) + x1:x4 + i(year, ref = 2015) | unit + province^year | xe ~ z1 + z2");
  EXPECT_EQ(s.lhs.text(), "y");
  ASSERT_EQ(s.rhs.size(), 5u);
  EXPECT_EQ(s.rhs[1].text(), "log(x2)");
  EXPECT_EQ(s.rhs[2].text(), "l(x3, 1)");
  EXPECT_EQ(s.rhs[3].text(), "x1:x4");
  EXPECT_EQ(s.rhs[4].text(), "i(year, ref = 2015)");
  ASSERT_EQ(s.fixed_effects.size(), 2u);
  EXPECT_EQ(s.fixed_effects[1], (std::vector<std::string>{"province", "year"}));
  ASSERT_EQ(s.endogenous.size(), 1u);
  EXPECT_EQ(s.instruments.size(), 2u);
  EXPECT_FALSE(s.intercept);
}

TEST(FormulaParser, StarExpandsAndInterceptControl) {
  ModelSpec s = parse_formula("y ~ a*b - 1");
  ASSERT_EQ(s.rhs.size(), 3u);
  EXPECT_EQ(s.rhs[2].text(), "a:b");
  EXPECT_FALSE(s.intercept);
  EXPECT_TRUE(parse_formula("y ~ x").intercept);
  EXPECT_FALSE(parse_formula("y ~ 0 + x").intercept);
  EXPECT_EQ(parse_formula("y ~ I(x^2) + x").rhs[0].text(), "I(x^2)");
}

TEST(FormulaParser, ErrorsPointAtThePosition) {
  EXPECT_NE(message("y x1").find("needs '~'"), std::string::npos);
  std::string m = message("y ~ x1 + log(x2");
  EXPECT_NE(m.find("never closed"), std::string::npos) << m;
  m = message("y ~ x1 + + x2");
  EXPECT_NE(m.find("position 10"), std::string::npos) << m;
  EXPECT_NE(m.find("^"), std::string::npos);
  EXPECT_NE(message("y ~ x | ").find("no fixed effects"), std::string::npos);
  EXPECT_NE(message("y ~ x | a | b").find("IV part"), std::string::npos);
  // Characters, not bytes, after a Chinese name: "出口 ~ 投资 + + x2" fails at its 11th character,
  // under which the caret stands after 14 columns (each Chinese character takes two).
  m = message("出口 ~ 投资 + + x2");
  EXPECT_NE(m.find("position 11:"), std::string::npos) << m;
  EXPECT_NE(m.find("\n  " + std::string(14, ' ') + "^"), std::string::npos) << m;
}

TEST(FormulaParser, ARangeOfPeriodsExpandsIntoATermPerPeriodAsFixest) {
  // fixest's names: l(x, 0:2) -> x, l(x, 1), l(x, 2); a negative lag is a lead and back.
  auto texts = [](const std::vector<Term>& terms) {
    std::vector<std::string> out;
    for (const auto& t : terms) out.push_back(t.text());
    return out;
  };
  EXPECT_EQ(texts(parse_formula("inv ~ l(value, 0:2) + capital").rhs), (std::vector<std::string>{"value", "l(value, 1)", "l(value, 2)", "capital"}));
  EXPECT_EQ(texts(parse_formula("y ~ f(x, -1:1)").rhs), (std::vector<std::string>{"l(x, 1)", "x", "f(x, 1)"}));
  EXPECT_EQ(texts(parse_formula("y ~ l(x, 2:1)").rhs), (std::vector<std::string>{"l(x, 2)", "l(x, 1)"}));
  EXPECT_EQ(texts(parse_formula("y ~ d(log(x), 1:2)").rhs), (std::vector<std::string>{"d(log(x), 1)", "d(log(x), 2)"}));
  // In an interaction every period is interacted; two ranges take every pair, the first the outer loop.
  EXPECT_EQ(texts(parse_formula("y ~ l(x, 0:1):z").rhs), (std::vector<std::string>{"x:z", "l(x, 1):z"}));
  EXPECT_EQ(texts(parse_formula("y ~ l(x, 0:1):l(z, 1:2)").rhs),
            (std::vector<std::string>{"x:l(z, 1)", "x:l(z, 2)", "l(x, 1):l(z, 1)", "l(x, 1):l(z, 2)"}));
  // The IV part expands too.
  const ModelSpec iv = parse_formula("y ~ x | e ~ l(z, 1:2)");
  EXPECT_EQ(texts(iv.instruments), (std::vector<std::string>{"l(z, 1)", "l(z, 2)"}));
}

TEST(FormulaParser, ARangeOfPeriodsElsewhereIsRefusedSayingHowToWriteIt) {
  for (const char* f : {"y ~ log(l(x, 0:2))", "l(y, 0:1) ~ x", "y ~ I(l(x, 1:2) * 2)"})
    EXPECT_NE(message(f).find("expands a term of its own"), std::string::npos) << f << ": " << message(f);
  EXPECT_NE(message("y ~ l(x, 0.5:2)").find("whole numbers"), std::string::npos) << message("y ~ l(x, 0.5:2)");
  EXPECT_NE(message("y ~ l(x, a:2)").find("whole numbers"), std::string::npos);
  EXPECT_NE(message("y ~ l(x, 0:5000)").find("at most 1000 periods"), std::string::npos) << message("y ~ l(x, 0:5000)");
}

TEST(FormulaParser, QuotedTextsNameLevels) {
  const ModelSpec s = parse_formula("y ~ i(region, ref = \"East | West\") + i(g, ref = c('a', b))");
  EXPECT_EQ(s.rhs[0].factors[0].args[1].kind, Expr::Kind::Text);
  EXPECT_EQ(s.rhs[0].factors[0].args[1].name, "East | West");  // a '|' inside quotes is not a part separator
  EXPECT_EQ(s.rhs[1].text(), "i(g, ref = c(\"a\", b))");
  EXPECT_NE(message("y ~ i(g, ref = \"a)").find("never closed"), std::string::npos) << message("y ~ i(g, ref = \"a)");
}
