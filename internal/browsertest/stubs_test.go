package browsertest

import "testing"

func testMatrix(t *testing.T, b *browser, s *site)   {}
func testCompare(t *testing.T, b *browser, s *site)  {}
func testKeyboard(t *testing.T, b *browser, s *site) {}
func testAxe(t *testing.T, b *browser, s *site)      {}
func testHostile(t *testing.T, b *browser)           {}
