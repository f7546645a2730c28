"""Builds sixlink._core with the project's CMake build (see pyproject.toml)."""

import os
import subprocess
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent


class CMakeExtension(Extension):
    def __init__(self, name):
        super().__init__(name, sources=[])


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        package_dir = Path(self.get_ext_fullpath(ext.name)).resolve().parent
        build_dir = Path(self.build_temp).resolve() / "cmake"
        build_dir.mkdir(parents=True, exist_ok=True)
        configure = [
            "cmake", "-S", str(ROOT), "-B", str(build_dir),
            f"-DPython_EXECUTABLE={sys.executable}",  # the interpreter pip runs under
            "-DCMAKE_BUILD_TYPE=Release",
            f"-DSIXLINK_PYTHON_OUTPUT_DIR={package_dir}",
            "-DSIXLINK_BUILD_PYTHON=ON", "-DSIXLINK_BUILD_CLI=OFF", "-DSIXLINK_BUILD_TESTS=OFF",
            "-DSIXLINK_BUILD_EXAMPLES=OFF", "-DSIXLINK_BUILD_BENCHMARKS=OFF", "-DSIXLINK_INSTALL=OFF",
        ]
        subprocess.run(configure, check=True)
        jobs = os.environ.get("CMAKE_BUILD_PARALLEL_LEVEL", str(os.cpu_count() or 2))
        subprocess.run(["cmake", "--build", str(build_dir), "--target", "_core", "-j", jobs], check=True)


setup(
    ext_modules=[CMakeExtension("sixlink._core")],
    cmdclass={"build_ext": CMakeBuild},
    # Keep setuptools' own build folders apart from the CMake build in build/.
    options={"build": {"build_base": "build-python"}},
)
