#!/usr/bin/python3
"""tools/check_repo_paths.py must catch every way a file can name a place outside the repository, and
let the system paths of its allow rule through. Each test plants one line in a scratch tree (not a git
checkout, so the checker walks it). The planted paths are assembled at run time, so this file itself
passes the check of the real tree."""
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
import check_repo_paths  # noqa: E402

UP = ".." + "/"
SLASH = "/"


class PlantedPathTest(unittest.TestCase):
    def findings(self, rel, text):
        with tempfile.TemporaryDirectory() as root:
            os.makedirs(os.path.join(root, os.path.dirname(rel)), exist_ok=True)
            with open(os.path.join(root, rel), "w") as f:
                f.write("first line\n" + text + "\n")
            return check_repo_paths.check(os.path.realpath(root))

    def assert_caught(self, rel, text, what):
        found = self.findings(rel, text)
        self.assertEqual(len(found), 1, found)
        self.assertIn(f"{rel}:2: {what}", found[0])

    def test_sibling_folder_of_the_repository(self):
        self.assert_caught("tests/x/CMakeLists.txt", "set(DIR " + UP * 3 + "shared/suite)",
                           "relative path leaving the repository")

    def test_climb_from_the_file_folder_variable(self):
        self.assert_caught("bsp/x/CMakeLists.txt",
                           "add_subdirectory(${CMAKE_CURRENT_SOURCE_DIR}" + SLASH + UP * 3 + "y)",
                           "relative path leaving the repository")

    def test_climb_from_the_root_variable(self):
        self.assert_caught("CMakeLists.txt", "set(DIR ${STRATA_ROOT}" + SLASH + "..)",
                           "path above the repository root")

    def test_climb_from_a_python_root(self):
        self.assert_caught("tools/x.py", 'd = os.path.join(ROOT, "' + '..", "data")',
                           "path above the repository root")

    def test_work_home_and_root_folders(self):
        for first in ("work", "home", "root", "Users", "mnt", "opt"):
            with self.subTest(first=first):
                self.assert_caught("bsp/x.hpp", "// see " + SLASH + first + SLASH + "shared/facts.md",
                                   "absolute path of a machine")

    def test_string_literal(self):
        self.assert_caught("tools/x.py", 'p = "' + SLASH + "home/me/suite" + '"',
                           "absolute path of a machine")

    def test_system_paths_and_placeholders_pass(self):
        text = ("#!/usr/bin/python3 --port /dev/ttyACM0 /tmp/x/y -DSTRATA_EXTRA_LAYERS=/path/to/layer "
                "https://github.com/a/b [doc](../README.md) ${CMAKE_CURRENT_SOURCE_DIR}/../soc "
                "build/<preset>/app/x.elf " '"$dir"/app/x')
        self.assertEqual(self.findings("docs/sub/x.md", text), [])

    def test_relative_path_inside_the_repository_passes(self):
        self.assertEqual(self.findings("bsp/a/b/x.cmake", "include(" + UP * 2 + "cmake/y.cmake)"), [])


if __name__ == "__main__":
    unittest.main()
