"""One build step beyond pyproject.toml: the wheel carries the Cypher catalog.

The catalog stays at the top of the repository, in ``cypher/``, where people and the Neo4j Browser
open it; an installed kg finds it as package data in ``kg/cypher/`` (:func:`kg.neo4j.catalog.cypher_dir`).
So that no second, hand-kept copy lives in git, the build copies ``cypher/*.cypher`` into the built
package.  An editable install (``pip install -e .``) needs no copy: the catalog module looks next to the
package.  ``MANIFEST.in`` puts ``cypher/`` into the sdist, so a wheel built from the sdist has it too.
"""

from __future__ import annotations

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

CATALOG = Path(__file__).resolve().parent / "cypher"


class BuildWithCatalog(build_py):
    """``build_py`` that also copies ``cypher/*.cypher`` to ``kg/cypher/`` in the build directory."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        files = sorted(CATALOG.glob("*.cypher"))
        if not (CATALOG / "schema.cypher").is_file():  # never build a wheel that cannot load or query
            raise SystemExit(f"kg build: {CATALOG}/schema.cypher is missing; the wheel needs the catalog")
        target = Path(self.build_lib) / "kg" / "cypher"
        self.mkpath(str(target))
        for f in files:
            self.copy_file(str(f), str(target / f.name))

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        outputs = list(super().get_outputs(include_bytecode))
        if not self.editable_mode:
            target = Path(self.build_lib) / "kg" / "cypher"
            outputs += [str(target / f.name) for f in sorted(CATALOG.glob("*.cypher"))]
        return outputs


setup(cmdclass={"build_py": BuildWithCatalog})
