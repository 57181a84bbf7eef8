"""The exceptions briefing raises. The CLI prints them without a traceback."""

from __future__ import annotations

import click


class BriefingError(click.ClickException):
    """Root of every error a user can act on."""


class SeedError(BriefingError):
    """A seed file cannot be read or makes no sense as an article."""

    def __init__(self, file: str, problem: str) -> None:
        self.file = file
        self.problem = problem
        super().__init__(f"{file}: {problem}")

    def __reduce__(self) -> tuple[type, tuple[str, str]]:  # raised in an extraction process, shown by the main one
        return SeedError, (self.file, self.problem)


class SeedsError(BriefingError):
    """Several seeds are bad; every problem is listed at once."""

    def __init__(self, errors: list[SeedError]) -> None:
        self.errors = errors
        lines = "\n".join(f"  {e.message}" for e in errors)
        super().__init__(f"{len(errors)} seed(s) cannot be used:\n{lines}\n"
                         "Fix or remove them, or run with --skip-invalid to build the rest.")


class RegistryError(BriefingError):
    """seeds/registry.yml is malformed."""


class LedgerError(BriefingError):
    """seeds/ids.json, the id ledger, cannot be read or written."""


class OutputError(BriefingError):
    """The output folder cannot be written safely (a path clash, a path outside it, a lock held)."""


class DuplicateSeedError(BriefingError):
    """An article added is the same text as a seed already there."""


class WorkerDied(BriefingError):
    """An extraction process ended without an answer: killed, or out of memory."""

    def __init__(self, files: list[str]) -> None:
        shown = ", ".join(files[:10]) + (f" and {len(files) - 10} more" if len(files) > 10 else "")
        super().__init__(f"an extraction process died (killed, or out of memory?) while extracting {shown}; "
                         "nothing was written. Run again, or with --jobs 1 to use less memory")


class ProjectError(BriefingError):
    """Not a briefing project where one is needed, or `briefing init` would overwrite one."""


class PortInUse(BriefingError):
    """`briefing serve` was given a port something else listens on."""

    def __init__(self, port: int) -> None:
        super().__init__(f"port {port} on 127.0.0.1 is in use (another `briefing serve`?): stop what holds it, "
                         "or serve on another port with --port")


class BuildError(BriefingError):
    """MkDocs or Pagefind could not build the site from the generated pages; the previous site is left."""


class DigestError(BriefingError):
    """A digest asked for that the briefing cannot make (a month in the wrong form, or with no event)."""
