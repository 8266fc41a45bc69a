#!/usr/bin/python3
"""The Teensy flash tool: a clear message naming the Debian package when teensy_loader_cli is
missing, and the exact loader command line when it is there (a stand-in records its arguments)."""
import os
import subprocess
import sys
import tempfile
import unittest

TOOL = sys.argv.pop(1) if len(sys.argv) > 1 else None


class TeensyFlashTest(unittest.TestCase):
    def run_tool(self, path_dir, hex_file):
        env = dict(os.environ, PATH=path_dir)
        return subprocess.run([sys.executable, TOOL, hex_file], env=env, capture_output=True,
                              text=True, timeout=30)

    def test_missing_loader_names_the_package(self):
        with tempfile.TemporaryDirectory() as empty, \
                tempfile.NamedTemporaryFile(suffix=".hex") as h:
            result = self.run_tool(empty, h.name)
        self.assertEqual(result.returncode, 1)
        self.assertIn("teensy_loader_cli not found", result.stderr)
        self.assertIn("teensy-loader-cli", result.stderr)

    def test_runs_the_loader_for_teensy40(self):
        with tempfile.TemporaryDirectory() as bin_dir, \
                tempfile.NamedTemporaryFile(suffix=".hex") as h:
            log = os.path.join(bin_dir, "args")
            fake = os.path.join(bin_dir, "teensy_loader_cli")
            with open(fake, "w") as f:
                f.write(f"#!/bin/sh\necho \"$@\" > {log}\nexit 0\n")
            os.chmod(fake, 0o755)
            result = self.run_tool(bin_dir + os.pathsep + "/bin", h.name)
            with open(log) as f:
                args = f.read().split()
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(args, ["--mcu=TEENSY40", "-w", "-v", h.name])

    def test_missing_hex_is_reported(self):
        result = self.run_tool("/nonexistent", "/tmp/nonexistent/firmware.hex")
        self.assertEqual(result.returncode, 1)
        self.assertIn("does not exist", result.stderr)


if __name__ == "__main__":
    unittest.main()
