#include "cbec/formula/ast.hpp"

#include <gtest/gtest.h>

#include "cbec/core/error.hpp"

using namespace cbec;

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
  auto message = [](const std::string& f) {
    try {
      parse_formula(f);
    } catch (const FormulaError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
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

TEST(FormulaParser, ALagRangeOutsideGmmSaysHowToWriteTheLags) {
  try {
    parse_formula("inv ~ l(value, 0:2)");
    FAIL() << "expected a FormulaError";
  } catch (const FormulaError& e) {
    EXPECT_NE(std::string(e.what()).find("is for gmm formulas; here give each as a term: l(x, 0) + l(x, 1)"), std::string::npos) << e.what();
  }
}
