"""A year of a runner's exported activity files for the import benchmark: FIT (some
gzip-compressed, as in a Strava export), GPX and TCX, one activity a day or so, each with a
point every few seconds as watches record them."""

from __future__ import annotations

import gzip
import math
from datetime import UTC, datetime, timedelta
from pathlib import Path

from garmin_fit_sdk import Encoder, Profile

MESG = Profile["mesg_num"]
FIRST = datetime(2025, 12, 1, 6, 30, tzinfo=UTC)
POINTS = 360  # a 30-minute run recorded every 5 s
STEP_S = 5


def _track(i: int) -> list[tuple[datetime, float, float, int]]:
    start = FIRST + timedelta(days=i * 365 // 1000, minutes=i % 7 * 90)
    lat0, lon0 = 46.05 + (i % 13) * 0.01, 14.5 + (i % 11) * 0.01
    return [(start + timedelta(seconds=k * STEP_S),
             lat0 + 0.0001 * k * math.cos(k / 40), lon0 + 0.0001 * k * math.sin(k / 40),
             130 + (k * 7 + i) % 40) for k in range(POINTS)]


def fit_file(i: int) -> bytes:
    points = _track(i)
    start = points[0][0]
    e = Encoder()
    e.write_mesg({"mesg_num": MESG["FILE_ID"], "type": "activity", "manufacturer": "development",
                  "product": 1, "serial_number": 7, "time_created": start})
    for k, (moment, lat, lon, hr) in enumerate(points):
        e.write_mesg({"mesg_num": MESG["RECORD"], "timestamp": moment,
                      "position_lat": int(lat * 2**31 / 180), "position_long": int(lon * 2**31 / 180),
                      "heart_rate": hr, "distance": k * 14.0, "speed": 2.8})
    e.write_mesg({"mesg_num": MESG["SESSION"], "timestamp": points[-1][0], "start_time": start,
                  "sport": "running" if i % 5 else "cycling",
                  "total_timer_time": float(POINTS * STEP_S),
                  "total_elapsed_time": float(POINTS * STEP_S),
                  "total_distance": POINTS * 14.0})
    return bytes(e.close())


def gpx_file(i: int) -> bytes:
    rows = "".join(
        f'<trkpt lat="{lat:.6f}" lon="{lon:.6f}"><time>{t:%Y-%m-%dT%H:%M:%SZ}</time>'
        f'<extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>{hr}</gpxtpx:hr>'
        f'</gpxtpx:TrackPointExtension></extensions></trkpt>'
        for t, lat, lon, hr in _track(i))
    return ('<?xml version="1.0" encoding="UTF-8"?><gpx version="1.1" creator="bench" '
            'xmlns="http://www.topografix.com/GPX/1/1" '
            'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">'
            f'<trk><type>running</type><trkseg>{rows}</trkseg></trk></gpx>').encode()


def tcx_file(i: int) -> bytes:
    points = _track(i)
    rows = "".join(
        f"<Trackpoint><Time>{t:%Y-%m-%dT%H:%M:%SZ}</Time><Position><LatitudeDegrees>{lat:.6f}"
        f"</LatitudeDegrees><LongitudeDegrees>{lon:.6f}</LongitudeDegrees></Position>"
        f"<HeartRateBpm><Value>{hr}</Value></HeartRateBpm></Trackpoint>"
        for t, lat, lon, hr in points)
    start = f"{points[0][0]:%Y-%m-%dT%H:%M:%SZ}"
    return ('<?xml version="1.0" encoding="UTF-8"?><TrainingCenterDatabase '
            'xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"><Activities>'
            f'<Activity Sport="Running"><Id>{start}</Id><Lap StartTime="{start}">'
            f"<TotalTimeSeconds>{POINTS * STEP_S}</TotalTimeSeconds>"
            f"<DistanceMeters>{POINTS * 14.0}</DistanceMeters><Track>{rows}</Track></Lap>"
            "</Activity></Activities></TrainingCenterDatabase>").encode()


def make_files(folder: Path, count: int = 1000) -> list[Path]:
    """``count`` files: 6 in 10 FIT (half of those .fit.gz), 2 GPX, 2 TCX."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        kind = i % 10
        if kind < 3:
            path, data = folder / f"{i:04d}.fit", fit_file(i)
        elif kind < 6:
            path, data = folder / f"{i:04d}.fit.gz", gzip.compress(fit_file(i), mtime=0)
        elif kind < 8:
            path, data = folder / f"{i:04d}.gpx", gpx_file(i)
        else:
            path, data = folder / f"{i:04d}.tcx", tcx_file(i)
        path.write_bytes(data)
        paths.append(path)
    return paths
