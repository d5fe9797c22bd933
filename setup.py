"""Package discovery, which pyproject.toml alone cannot express: setuptools finds the editor's
packages itself, and the top-level ``resources/`` folder (templates, level sets, CSS,
translations) is installed as the package ``pressklar_resources`` with every data folder in it.
Everything else about the project is in pyproject.toml."""

from setuptools import find_namespace_packages, setup

RESOURCES = "pressklar_resources"
NOT_PACKAGES = ["*__pycache__*"]

setup(
    packages=[
        *find_namespace_packages(include=["editor", "editor.*"], exclude=NOT_PACKAGES),
        RESOURCES,
        *(
            f"{RESOURCES}.{name}"
            for name in find_namespace_packages(where="resources", exclude=NOT_PACKAGES)
        ),
    ],
)
