"""pip install of cbec's Python module: the project's CMake builds cbec._engine (python/) in
build-pip/ beside build/ (so ccache shares the library's objects with it), then the package, its
module and the files cbec ships (data/, the figure renderer of web/) are installed as cbec/."""
import glob
import os
import shutil
import subprocess
import sys

from setuptools import Distribution, setup
from setuptools.command.build_py import build_py

SOURCE = os.path.dirname(os.path.abspath(__file__))


def project_version():
    with open(os.path.join(SOURCE, "CMakeLists.txt"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("project(cbec VERSION"):
                return line.split("VERSION")[1].split()[0]
    raise RuntimeError("no project version in CMakeLists.txt")


class BuildWithCMake(build_py):
    def run(self):
        super().run()   # the package's Python files
        build = os.environ.get("CBEC_BUILD_DIR") or os.path.join(SOURCE, "build-pip")
        subprocess.check_call(["cmake", "-S", SOURCE, "-B", build, "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Release", "-DCBEC_BUILD_TESTS=OFF",
                               "-DCBEC_PYTHON=ON", f"-DPython3_EXECUTABLE={sys.executable}"])
        subprocess.check_call(["cmake", "--build", build, "--target", "cbec_python", "--parallel", str(os.cpu_count() or 1)])
        target = os.path.join(self.build_lib, "cbec")
        os.makedirs(target, exist_ok=True)
        for f in glob.glob(os.path.join(build, "python", "cbec", "_engine*.so")) + [os.path.join(build, "python", "cbec", "libcbec_gdal.so")]:
            shutil.copy2(f, target)
        share = os.path.join(target, "share")
        shutil.rmtree(share, ignore_errors=True)
        shutil.copytree(os.path.join(SOURCE, "data"), os.path.join(share, "data"))
        os.makedirs(os.path.join(share, "web"))
        for f in ("render_figures.mjs", "package.json", "package-lock.json"):
            shutil.copy2(os.path.join(SOURCE, "web", f), os.path.join(share, "web"))


class PlatformDistribution(Distribution):
    """The package holds a native module: its wheel is for this platform and Python."""

    def has_ext_modules(self):
        return True


setup(name="cbec", version=project_version(), description="cbec: panel, spatial and policy-evaluation econometrics (C++ engine)",
      packages=["cbec"], package_dir={"": "python"}, cmdclass={"build_py": BuildWithCMake}, python_requires=">=3.9", install_requires=["numpy", "pandas"],
      distclass=PlatformDistribution, zip_safe=False,
      options={"build": {"build_base": os.path.join("build-pip", "setuptools")}})
