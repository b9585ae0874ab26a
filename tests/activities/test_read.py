"""Reading activity files as SPEC §9 says: FIT sessions, TCX laps, GPX tracks, gzip, zip and
folders judged by content, every refusal naming the file and why."""

from __future__ import annotations

import gzip
import os
import shutil
import zipfile
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import fitdecode
import gpxpy
import pytest

from core.activities import (
    AfterToday,
    IntegrityFailed,
    NotAnActivity,
    Unreadable,
    normal_sport,
)
from core.activities import read as read_module
from core.activities.read import read_bytes, read_paths

FIX = Path(__file__).parents[1] / "fixtures" / "activities"
TODAY = date(2026, 12, 5)


def one(path: Path | str, today: date = TODAY, tz: timezone | ZoneInfo = UTC):
    results = list(read_paths([path], today, tz))
    assert len(results) == 1
    return results[0]


def activities(path: Path | str, **kw: object):
    r = one(path, **kw)  # type: ignore[arg-type]
    assert r.refused is None, r.refused
    return r.activities


def refusal(path: Path | str, **kw: object):
    r = one(path, **kw)  # type: ignore[arg-type]
    assert r.activities == () and r.refused is not None
    assert r.refused.file == str(path)
    return r.refused


def test_a_fit_run_reads_timer_time_distance_and_session_heart_rate() -> None:
    (a,) = activities(FIX / "run.fit")
    assert a.sport == "running"
    assert a.start == datetime(2026, 12, 1, 7, 0, tzinfo=UTC)
    assert a.date == date(2026, 12, 1)
    assert a.minutes == 45  # total_timer_time 2715.4 s, not the 2800 s elapsed
    assert a.distance_km == 8.12  # 8123.456 m
    assert a.avg_hr == 148  # the session's avg_heart_rate, not the records' mean (150)
    assert a.source == "run.fit"


def test_the_fit_fixtures_agree_with_an_independent_decoder() -> None:
    for name in ("run.fit", "ride.fit", "walk.fit", "several_sessions.fit"):
        with fitdecode.FitReader(str(FIX / name)) as reader:
            sessions = [f for f in reader if isinstance(f, fitdecode.FitDataMessage)
                        and f.name == "session"]
        ours = activities(FIX / name)
        assert len(ours) == len(sessions)
        for a, s in zip(ours, sessions, strict=True):
            assert a.minutes == round(s.get_value("total_timer_time") / 60)
            assert a.distance_km == pytest.approx(s.get_value("total_distance") / 1000, abs=0.005)
            assert a.start == s.get_value("start_time").astimezone(UTC)


def test_without_a_session_heart_rate_the_records_are_averaged() -> None:
    (ride,) = activities(FIX / "ride.fit")
    assert (ride.sport, ride.minutes, ride.distance_km, ride.avg_hr) == ("cycling", 60, 25.0, 130)
    (walk,) = activities(FIX / "walk.fit")
    assert (walk.sport, walk.minutes, walk.distance_km, walk.avg_hr) == ("walking", 30, 2.45, None)


def test_a_fit_with_several_sessions_is_one_activity_per_session() -> None:
    ride, run = activities(FIX / "several_sessions.fit")
    assert (ride.sport, ride.minutes, ride.distance_km, ride.avg_hr) == ("cycling", 60, 30.0, 115)
    # a treadmill run is running; its heart rate is the mean of its own records only
    assert (run.sport, run.minutes, run.distance_km, run.avg_hr) == ("running", 26, 4.01, 170)
    assert ride.source == run.source == "several_sessions.fit"


@pytest.mark.parametrize(("name", "words"), [
    ("workout.fit", "a workout file"), ("settings.fit", "a settings file"),
    ("monitoring.fit", "a monitoring file"), ("workout.tcx", "a workout"),
    ("gpxpy/route.gpx", "no track"),
])
def test_files_that_are_not_activities_are_refused(name: str, words: str) -> None:
    r = refusal(FIX / name)
    assert isinstance(r, NotAnActivity) and words in r.reason


@pytest.mark.parametrize(("name", "words"), [
    ("truncated.fit", "truncated"), ("bad_crc.fit", "CRC"), ("malformed.tcx", "malformed XML"),
])
def test_files_failing_their_integrity_check_are_refused(name: str, words: str) -> None:
    r = refusal(FIX / name)
    assert isinstance(r, IntegrityFailed) and words in r.reason


def test_bad_crc_fixture_really_fails_the_independent_decoder_too() -> None:
    with pytest.raises(fitdecode.FitCRCError), \
            fitdecode.FitReader(str(FIX / "bad_crc.fit"),
                                check_crc=fitdecode.CrcCheck.RAISE) as reader:
        for _ in reader:
            pass


def test_an_activity_after_today_is_refused_by_local_date(tmp_path: Path) -> None:
    r = refusal(FIX / "future.fit")
    assert isinstance(r, AfterToday) and "2026-12-10" in r.reason
    assert activities(FIX / "future.fit", today=date(2026, 12, 10))
    # 23:30 UTC on 4 Dec is already 5 Dec in Tokyo: after a today of 4 Dec there
    late = tmp_path / "late.gpx"
    late.write_text(_gpx([[(46.0, 14.5, "2026-12-04T23:30:00Z")]]), encoding="utf-8")
    assert activities(late, today=date(2026, 12, 4))[0].date == date(2026, 12, 4)
    tokyo = refusal(late, today=date(2026, 12, 4), tz=ZoneInfo("Asia/Tokyo"))
    assert isinstance(tokyo, AfterToday) and "2026-12-05" in tokyo.reason


def test_a_tcx_adds_up_its_laps_and_averages_its_trackpoints() -> None:
    (a,) = activities(FIX / "run_hr.tcx")
    # 1200 + 1230 s = 40.5 min rounds to 41; 3210.5 + 3300 m; HR (130 + 145 + 150) / 3
    assert (a.sport, a.minutes, a.distance_km, a.avg_hr) == ("running", 41, 6.51, 142)
    (b,) = activities(FIX / "ride_no_hr.tcx")
    assert (b.sport, b.minutes, b.distance_km, b.avg_hr) == ("cycling", 40, 15.01, None)


def _gpx(segments: list[list[tuple[float, float, str]]], kind: str | None = None,
         hr: list[int] | None = None) -> str:
    beats = iter(hr or [])
    points = []
    for seg in segments:
        pts = []
        for lat, lon, t in seg:
            b = next(beats, None)
            ext = ("" if b is None else "<extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>"
                   f"{b}</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions>")
            pts.append(f'<trkpt lat="{lat}" lon="{lon}"><time>{t}</time>{ext}</trkpt>')
        points.append("<trkseg>" + "".join(pts) + "</trkseg>")
    type_ = "" if kind is None else f"<type>{kind}</type>"
    return ('<?xml version="1.0"?><gpx version="1.1" creator="t" '
            'xmlns="http://www.topografix.com/GPX/1/1" '
            'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">'
            f'<trk>{type_}{"".join(points)}</trk></gpx>')


def test_gpx_minutes_leave_out_pauses_over_two_minutes_in_time_order(tmp_path: Path) -> None:
    t0 = datetime(2026, 11, 24, 6, 0, tzinfo=UTC)

    def at(s: int) -> str:
        return (t0 + timedelta(seconds=s)).strftime("%Y-%m-%dT%H:%M:%SZ")

    # the later segment is written first; in time order the gaps are 60 and 120 s (kept),
    # 121 s (a pause, left out) and 59 x 30 s: 60 + 120 + 1770 = 1950 s
    seg_a = [(46.0, 14.5, at(0)), (46.001, 14.5, at(60)), (46.002, 14.5, at(180))]
    seg_b = [(46.1, 14.5, at(301))] + [(46.1 + i * 0.0001, 14.5, at(301 + i * 30))
                                      for i in range(1, 60)]
    path = tmp_path / "track.gpx"
    path.write_text(_gpx([seg_b, seg_a], hr=[150, 160]), encoding="utf-8")
    (a,) = activities(path)
    assert a.minutes == 33  # 1950 s is 32.5 min: halves round up
    assert a.start == t0 and a.sport == "running"  # no <type>: running
    assert a.avg_hr == 155
    # distance within segments only: 0.002 deg + 0.0059 deg of latitude, not the jump between
    metres = 0.0079 * 111_195
    assert a.distance_km == pytest.approx(metres / 1000, abs=0.011)


def test_gpx_pause_boundary_is_exactly_two_minutes(tmp_path: Path) -> None:
    def file(gap: int) -> Path:
        p = tmp_path / f"gap{gap}.gpx"
        p.write_text(_gpx([[(46.0, 14.5, "2026-11-24T06:00:00Z"),
                            (46.0, 14.5, "2026-11-24T06:01:00Z"),
                            (46.0, 14.5, f"2026-11-24T06:0{1 + gap // 60}:{gap % 60:02d}Z")]]),
                     encoding="utf-8")
        return p
    assert activities(file(120))[0].minutes == 3  # 60 + 120 s
    assert activities(file(121))[0].minutes == 1  # 60 s; the 121 s gap is a pause


def test_gpx_type_names_the_sport(tmp_path: Path) -> None:
    for word, sport in (("Ride", "cycling"), ("hiking", "hiking"), ("Walk", "walking"),
                        ("trail_running", "running"), ("kayaking", "other")):
        p = tmp_path / f"{word}.gpx"
        p.write_text(_gpx([[(46.0, 14.5, "2026-11-24T06:00:00Z")]], kind=word), "utf-8")
        assert activities(p)[0].sport == sport


def test_real_gpx_tracks_from_gpxpy_match_gpxpy_distance() -> None:
    for name in ("cerknicko-jezero.gpx", "korita-zbevnica.gpx", "around-visnjan-with-car.gpx"):
        path = FIX / "gpxpy" / name
        (a,) = activities(path)
        with path.open(encoding="utf-8") as f:
            theirs = gpxpy.parse(f).length_2d() / 1000
        assert a.distance_km == pytest.approx(theirs, rel=0.01), name
    (lake,) = activities(FIX / "gpxpy" / "cerknicko-jezero.gpx")
    assert (lake.sport, lake.date, lake.minutes, lake.distance_km) == (
        "running", date(2010, 8, 5), 52, 4.58)
    # a track with a <type> nobody knows is "other", not running
    assert activities(FIX / "gpxpy" / "korita-zbevnica.gpx")[0].sport == "other"


def test_a_gpx_track_without_times_is_refused() -> None:
    r = refusal(FIX / "gpxpy" / "track-with-extremes.gpx")
    assert isinstance(r, NotAnActivity) and "no times" in r.reason


@pytest.mark.parametrize("name", ["bomb.gpx", "xxe.gpx"])
def test_entity_expansion_and_external_entities_are_refused(name: str) -> None:
    r = refusal(FIX / name)
    assert isinstance(r, IntegrityFailed) and "DTD" in r.reason


def test_format_is_judged_by_content_not_by_name(tmp_path: Path) -> None:
    shutil.copy(FIX / "run.fit", tmp_path / "morning.txt")
    shutil.copy(FIX / "run_hr.tcx", tmp_path / "tuesday.gpx")
    (tmp_path / "fake.fit").write_text("hello", encoding="utf-8")
    assert activities(tmp_path / "morning.txt")[0].minutes == 45
    assert activities(tmp_path / "tuesday.gpx")[0].minutes == 41
    assert isinstance(refusal(tmp_path / "fake.fit"), NotAnActivity)


def test_a_strava_folder_of_fit_gz_is_read_recursively() -> None:
    results = list(read_paths([FIX / "strava"], TODAY, UTC))
    assert [r.done for r in results] == [1, 2, 3] and {r.total for r in results} == {3}
    by_name = {Path(r.source).name: r for r in results}
    assert isinstance(by_name["activities.csv"].refused, NotAnActivity)
    (a,) = by_name["11001.fit.gz"].activities
    assert (a.minutes, a.distance_km, a.avg_hr, a.source) == (25, 5.01, 152, "11001.fit.gz")


def test_zip_members_are_named_archive_colon_member() -> None:
    results = list(read_paths([FIX / "export.zip"], TODAY, UTC))
    names = [r.source for r in results]
    assert names == [f"{FIX / 'export.zip'}:{m}" for m in
                     ("cerknicko-jezero.gpx", "run_hr.tcx", "activities/11002.fit.gz",
                      "README.txt")]
    sources = [a.source for r in results for a in r.activities]
    assert sources == ["export.zip:cerknicko-jezero.gpx", "export.zip:run_hr.tcx",
                       "export.zip:activities/11002.fit.gz"]
    assert isinstance(results[-1].refused, NotAnActivity)


def test_zip_bombs_are_refused_by_size_and_member_count(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "big.zip"
    with zipfile.ZipFile(big, "w", zipfile.ZIP_DEFLATED) as z, \
            z.open("zeros.fit", "w", force_zip64=True) as member:
        for _ in range(70):
            member.write(bytes(1024 * 1024))  # 70 MB of zeros packs to ~70 kB
    assert big.stat().st_size < 1024 * 1024
    (r,) = list(read_paths([big], TODAY, UTC))
    assert isinstance(r.refused, Unreadable) and "64 MB" in r.refused.reason
    many = tmp_path / "many.zip"
    with zipfile.ZipFile(many, "w") as z:
        for i in range(5):
            z.writestr(f"{i}.fit", (FIX / "run.fit").read_bytes())
    monkeypatch.setattr(read_module, "MAX_MEMBERS", 4)
    (r,) = list(read_paths([many], TODAY, UTC))
    assert isinstance(r.refused, Unreadable) and "5 files" in r.refused.reason
    monkeypatch.setattr(read_module, "MAX_MEMBERS", 50)
    monkeypatch.setattr(read_module, "MAX_ARCHIVE_BYTES", 700)
    (r,) = list(read_paths([many], TODAY, UTC))
    assert isinstance(r.refused, Unreadable) and "unpacks" in r.refused.reason


def test_a_gzip_bomb_is_cut_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read_module, "MAX_FILE_BYTES", 1024 * 1024)
    p = tmp_path / "bomb.fit.gz"
    p.write_bytes(gzip.compress(bytes(8 * 1024 * 1024)))
    r = refusal(p)
    assert isinstance(r, Unreadable) and "unpacked" in r.reason


def test_a_fifo_and_dev_zero_are_refused_without_reading_forever(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.fit"
    os.mkfifo(fifo)
    assert "not a regular file" in refusal(fifo).reason
    if Path("/dev/zero").exists():
        assert "not a regular file" in refusal("/dev/zero").reason
    assert "no such file" in refusal(tmp_path / "missing.fit").reason


def test_a_file_over_the_size_limit_is_refused(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read_module, "MAX_FILE_BYTES", 100)
    r = refusal(FIX / "run_hr.tcx")
    assert isinstance(r, Unreadable) and "larger than" in r.reason


def test_reading_stops_when_cancelled() -> None:
    calls: list[int] = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 2

    results = list(read_paths([FIX / "run.fit", FIX / "ride.fit", FIX / "walk.fit"], TODAY,
                              UTC, cancelled))
    assert [r.done for r in results] == [1, 2]


def test_read_bytes_undoes_gzip_only_once() -> None:
    twice = gzip.compress(gzip.compress((FIX / "run.fit").read_bytes()))
    with pytest.raises(NotAnActivity):
        read_bytes(twice, "twice.fit.gz.gz")


def test_sport_words_are_normalised() -> None:
    assert [normal_sport(w) for w in ("Running", "Biking", "Swim", "e-biking", "Hike",
                                      "walking", "yoga", "Treadmill Running")] == [
        "running", "cycling", "swimming", "cycling", "hiking", "walking", "other", "running"]


def test_a_damaged_archive_member_is_refused_and_the_others_read(tmp_path: Path) -> None:
    archive = tmp_path / "damaged.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("a.fit", (FIX / "run.fit").read_bytes())
        z.writestr("b.fit", (FIX / "walk.fit").read_bytes() * 20)
    data = bytearray(archive.read_bytes())
    second = data.index(b"PK\x03\x04", 4)  # the second member's local header
    data[second + 40:second + 60] = bytes(20)  # scramble its compressed bytes
    archive.write_bytes(bytes(data))
    first, damaged = read_paths([archive], TODAY, UTC)
    assert first.refused is None and first.activities[0].source == "damaged.zip:a.fit"
    assert isinstance(damaged.refused, IntegrityFailed | Unreadable)
    assert damaged.refused.file == f"{archive}:b.fit"


def test_hidden_files_in_folders_and_archives_are_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "export"
    (folder / ".cache").mkdir(parents=True)
    shutil.copy(FIX / "run.fit", folder / "run.fit")
    (folder / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (folder / ".cache" / "x.fit").write_bytes(b"junk")
    with zipfile.ZipFile(folder / "mac.zip", "w") as z:
        z.writestr("walk.fit", (FIX / "walk.fit").read_bytes())
        z.writestr("__MACOSX/._walk.fit", b"\x00\x05\x16\x07")
    names = [Path(r.source).name for r in read_paths([folder], TODAY, UTC)]
    assert names == ["mac.zip:walk.fit", "run.fit"]
    # a hidden file named on its own is still read (and refused by what it holds)
    assert isinstance(refusal(folder / ".DS_Store"), NotAnActivity)
