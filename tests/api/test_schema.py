"""Property-based run of every operation in the OpenAPI schema: no input gives a 5xx."""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402

from froissart.api import create_app  # noqa: E402
from tests.api import sample  # noqa: E402
from tests.api.test_api import FakePipeline  # noqa: E402


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    db = sample.build(tmp_path_factory.mktemp("schema") / "s.duckdb")
    return create_app(db, pipeline_factory=FakePipeline)


def test_no_operation_gives_a_server_error(app):
    """Each operation of the schema, fed generated inputs (schemathesis' pytest plugin is
    driven by hand: it does not run under pytest 9)."""
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", app)
    operations = [r.ok() for r in schema.get_all_operations()]
    assert len(operations) >= 10
    for op in operations:

        @given(case=op.as_strategy())
        @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck),
                  database=None)
        def check(case):
            case.call_and_validate(checks=[not_a_server_error])

        check()
