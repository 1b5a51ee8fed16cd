"""One archive holds the whole installation: every record, history included, in a form that
does not depend on the database; every stored file; and a manifest that says what is in it.

``backup_write(path)`` writes the archive; ``restore(path)`` reads it back into a database of
the same schema version, on SQLite or PostgreSQL alike. The archive is a zip file:

- ``data/<app>.<model>.jsonl``: one record per line, ordered by primary key, with its keys
  sorted, so the same records give the same bytes whichever database held them. References
  to content types and permissions, which each database numbers in its own way, are written
  by their natural keys (Django's ``--natural-foreign``); those two tables are not copied:
  ``migrate`` fills them.
- ``files/<name>``: each file a record names, as the storage holds it.
- ``manifest.json``: the format, the time, the schema (the last migration of each app), the
  number of records of each model, and the SHA-256 of every other member.

Memory stays bounded: records are read and written a batch at a time, files in chunks.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.core import serializers
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DEFAULT_DB_ALIAS, connections, models, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from hamkor.security import log as security_log
from hamkor.security.log import Kind

FORMAT = "hamkor-backup"
FORMAT_VERSION = 1
BATCH = 500
CHUNK = 1 << 20
# Filled by ``migrate`` in every database, each numbering its rows its own way; and what
# must not outlive the installation: live sessions (a copy would let anyone who reads the
# archive in as whoever is signed in) and the log of login attempts.
NOT_COPIED = {
    "contenttypes.contenttype",
    "auth.permission",
    "sessions.session",
    "axes.accessattempt",
    "axes.accessattemptexpiration",
    "axes.accessfailurelog",
    "axes.accesslog",
    # The security log stays with the installation: a restore must not replace it (it would
    # rewrite the record of who did what, the restore included). docs/security-log.md
    "security.securityevent",
}


class BackupError(Exception):
    """Why an archive cannot be written or restored, in a sentence for the console."""


@dataclass
class Manifest:
    created_at: str
    database: str
    schema: dict[str, str]
    counts: dict[str, int] = field(default_factory=dict)
    checksums: dict[str, str] = field(default_factory=dict)
    format: str = FORMAT
    format_version: int = FORMAT_VERSION

    @property
    def files(self) -> int:
        return sum(1 for name in self.checksums if name.startswith("files/"))

    @property
    def records(self) -> int:
        return sum(self.counts.values())

    def as_json(self) -> str:
        fields = ("format", "format_version", "created_at", "database", "schema", "counts")
        return json.dumps(
            {**{name: getattr(self, name) for name in fields}, "checksums": self.checksums},
            indent=1,
            sort_keys=True,
        )


def copied_models() -> list[type[models.Model]]:
    """The models whose rows the archive holds, in an order that loads (referenced first)."""
    chosen = [
        model
        for model in apps.get_models()
        if model._meta.managed
        and not model._meta.proxy
        and model._meta.label_lower not in NOT_COPIED
    ]
    app_list = {}
    for model in chosen:
        app_list.setdefault(model._meta.app_config, []).append(model)
    return serializers.sort_dependencies(app_list.items(), allow_cycles=True)


def schema_version(using: str = DEFAULT_DB_ALIAS) -> dict[str, str]:
    """The last migration applied in each app: what a restore must find the same."""
    recorder = MigrationRecorder(connections[using])
    latest: dict[str, str] = {}
    for app, name in sorted(recorder.applied_migrations()):
        if name > latest.get(app, ""):
            latest[app] = name
    return latest


def _member(model) -> str:
    return f"data/{model._meta.label_lower}.jsonl"


class _Encoder(DjangoJSONEncoder):
    """Times to the microsecond (Django's encoder keeps milliseconds): what is restored is
    what was written."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


class _Numbering:
    """Content types and permissions by their natural keys instead of this database's ids."""

    def __init__(self):
        content_type = apps.get_model("contenttypes", "ContentType")
        permission = apps.get_model("auth", "Permission")
        self.keys = {
            content_type: {item.pk: item.natural_key() for item in content_type.objects.all()},
            permission: {
                item.pk: item.natural_key()
                for item in permission.objects.select_related("content_type")
            },
        }

    def convert(self, model, record: dict) -> dict:
        for model_field in model._meta.get_fields():
            keys = self.keys.get(getattr(model_field, "related_model", None))
            value = record["fields"].get(model_field.name)
            if keys is None or value is None or model_field.auto_created:
                continue
            if model_field.many_to_many:
                record["fields"][model_field.name] = sorted(keys[pk] for pk in value)
            else:
                record["fields"][model_field.name] = keys[value]
        return record


def _rows(model, numbering: _Numbering) -> Iterator[str]:
    queryset = model._default_manager.using(DEFAULT_DB_ALIAS).order_by("pk")
    for record in serializers.serialize("python", queryset.iterator(chunk_size=BATCH)):
        record = numbering.convert(model, record)
        yield json.dumps(record, cls=_Encoder, sort_keys=True, ensure_ascii=False)


def stored_files() -> list[str]:
    """The names of the files the records point at (current and past versions) that exist."""
    names: set[str] = set()
    for model in copied_models():
        for model_field in model._meta.concrete_fields:
            if isinstance(model_field, models.FileField):
                values = model._default_manager.exclude(**{model_field.name: ""})
                names.update(values.values_list(model_field.attname, flat=True).distinct())
    return sorted(name for name in names if name and default_storage.exists(name))


def backup_write(path: Path) -> Manifest:
    """Write the archive to ``path`` (written beside it first, then moved into place)."""
    manifest = Manifest(
        created_at=timezone.now().isoformat(),
        database=connections[DEFAULT_DB_ALIAS].vendor,
        schema=schema_version(),
    )
    partial = path.with_name(path.name + ".partial")
    # Readable by the owner only: it holds password hashes, authenticator keys and secrets.
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with (
        os.fdopen(descriptor, "wb") as file,
        zipfile.ZipFile(file, "w", compression=zipfile.ZIP_DEFLATED) as archive,
    ):
        # One consistent reading of every table: one transaction, which on PostgreSQL sees
        # one snapshot (SQLite's always does).
        connection = connections[DEFAULT_DB_ALIAS]
        snapshot = connection.vendor == "postgresql" and not connection.in_atomic_block
        with transaction.atomic():
            if snapshot:
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            numbering = _Numbering()
            for model in copied_models():
                digest, count = hashlib.sha256(), 0
                with archive.open(_member(model), "w", force_zip64=True) as member:
                    for line in _rows(model, numbering):
                        data = (line + "\n").encode()
                        member.write(data)
                        digest.update(data)
                        count += 1
                manifest.counts[model._meta.label_lower] = count
                manifest.checksums[_member(model)] = digest.hexdigest()
            files = stored_files()
        for name in files:
            digest = hashlib.sha256()
            with (
                default_storage.open(name, "rb") as source,
                archive.open(f"files/{name}", "w", force_zip64=True) as member,
            ):
                while chunk := source.read(CHUNK):
                    member.write(chunk)
                    digest.update(chunk)
            manifest.checksums[f"files/{name}"] = digest.hexdigest()
        archive.writestr("manifest.json", manifest.as_json())
    partial.replace(path)
    _logged(Kind.BACKUP, path, records=manifest.records, files=manifest.files)
    return manifest


def _logged(kind: str, path: Path, **details) -> None:
    """Note a backup or a restore in the security log (after it: a restore replaces the
    log with the archive's)."""
    security_log.record(kind, file=path.name, **details)


def manifest_read(archive: zipfile.ZipFile) -> Manifest:
    try:
        data = json.loads(archive.read("manifest.json"))
    except (KeyError, ValueError) as error:
        raise BackupError("the archive has no readable manifest.json") from error
    if data.get("format") != FORMAT:
        raise BackupError("the file is not a Hamkor backup")
    if data.get("format_version") != FORMAT_VERSION:
        raise BackupError(f"backup format {data.get('format_version')} is not {FORMAT_VERSION}")
    return Manifest(
        created_at=data["created_at"],
        database=data["database"],
        schema=data["schema"],
        counts=data["counts"],
        checksums=data["checksums"],
    )


def _verify(archive: zipfile.ZipFile, manifest: Manifest) -> None:
    """Every member the manifest names is there, unchanged; nothing else is."""
    members = set(archive.namelist()) - {"manifest.json"}
    if members != set(manifest.checksums):
        raise BackupError("the archive's members differ from its manifest")
    for name, expected in manifest.checksums.items():
        if ".." in Path(name).parts or name.startswith("/"):
            raise BackupError(f"{name}: a member outside the archive's folders")
        digest = hashlib.sha256()
        with archive.open(name) as member:
            while chunk := member.read(CHUNK):
                digest.update(chunk)
        if digest.hexdigest() != expected:
            raise BackupError(f"{name}: its checksum differs from the manifest's")


def holds_data(using: str = DEFAULT_DB_ALIAS) -> bool:
    """Whether anyone has worked in this database: ``migrate`` creates no user."""
    return apps.get_model("accounts", "User")._default_manager.using(using).exists()


@dataclass
class Restored:
    records: int
    files: int


def restore(path: Path, *, replace: bool = False) -> Restored:
    """Load the archive at ``path`` into this database, which must be of the same schema and,
    unless ``replace``, hold no user: its rows are replaced, all of them or none."""
    with zipfile.ZipFile(path) as archive:
        manifest = manifest_read(archive)
        _verify(archive, manifest)
        here = schema_version()
        if here != manifest.schema:
            raise BackupError(
                "the database's schema differs from the backup's: restore with the Hamkor "
                "version that wrote it (the last migrations of both are in the manifest)"
            )
        if holds_data() and not replace:
            raise BackupError("the database already holds data: restore into an empty one")
        restore_models = copied_models()
        if {model._meta.label_lower for model in restore_models} != set(manifest.counts):
            raise BackupError("the backup's models differ from this version's")
        with transaction.atomic():
            _empty(restore_models)
            for model in restore_models:
                _load(archive, model)
            connection = connections[DEFAULT_DB_ALIAS]
            connection.check_constraints(
                table_names=[model._meta.db_table for model in restore_models]
            )
            with connection.cursor() as cursor:
                for statement in connection.ops.sequence_reset_sql(no_style(), restore_models):
                    cursor.execute(statement)
        files = [name for name in manifest.checksums if name.startswith("files/")]
        for name in files:
            _restore_file(archive, name)
    _logged(
        Kind.RESTORE,
        path,
        records=manifest.records,
        files=len(files),
        written_at=manifest.created_at,
        replaced=replace,
    )
    return Restored(records=manifest.records, files=len(files))


def _empty(restore_models) -> None:
    connection = connections[DEFAULT_DB_ALIAS]
    tables = {model._meta.db_table for model in restore_models}
    for model in restore_models:
        for many in model._meta.local_many_to_many:
            if many.remote_field.through._meta.auto_created:
                tables.add(many.remote_field.through._meta.db_table)
    statements = connection.ops.sql_flush(
        no_style(), sorted(tables), reset_sequences=False, allow_cascade=False
    )
    if connection.vendor == "postgresql":
        # Checks still pending in this transaction would forbid TRUNCATE: run them first.
        statements = ["SET CONSTRAINTS ALL IMMEDIATE", *statements, "SET CONSTRAINTS ALL DEFERRED"]
    connection.ops.execute_sql_flush(statements)


def _load(archive: zipfile.ZipFile, model) -> None:
    with archive.open(_member(model)) as member:
        batch: list[dict] = []
        for line in member:
            batch.append(json.loads(line))
            if len(batch) >= BATCH:
                _insert(batch)
                batch = []
        _insert(batch)


def _insert(batch: list[dict]) -> None:
    """Insert the records as they were written: ``raw``, as ``loaddata`` saves them, so that
    no field fills itself in (the times of creation and change stay the archive's)."""
    if not batch:
        return
    objects = list(serializers.deserialize("python", batch))
    model = type(objects[0].object)
    fields = model._meta.local_concrete_fields
    rows = [item.object for item in objects]
    size = connections[DEFAULT_DB_ALIAS].ops.bulk_batch_size(fields, rows) or len(rows)
    for start in range(0, len(rows), size):
        model._base_manager._insert(rows[start : start + size], fields=fields, raw=True)
    for item in objects:
        for name, values in (item.m2m_data or {}).items():
            getattr(item.object, name).set(values)


def _restore_file(archive: zipfile.ZipFile, member_name: str) -> None:
    name = member_name.removeprefix("files/")
    if default_storage.exists(name):
        default_storage.delete(name)
    with archive.open(member_name) as source:
        saved = default_storage.save(name, File(source, name=name))
    if saved != name:
        raise BackupError(f"{name}: the storage kept the file as {saved}")


def nightly_backup(folder: Path, keep: int) -> Path:
    """Write today's archive into ``folder`` and remove all but the ``keep`` newest."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = timezone.localtime().strftime("%Y-%m-%d-%H%M")
    path = folder / f"hamkor-{stamp}.zip"
    backup_write(path)
    archives = sorted(folder.glob("hamkor-*.zip"), reverse=True)
    for old in archives[keep:]:
        old.unlink()
    return path
