#!/usr/bin/env python3
"""check.py DIR - checks that a generated portfolio obeys the rule.

An independent reading of SPEC sections 3 and 4, stricter than the tools
(which do not re-check history): ids unique and ascending; every row names
existing clients; a follow-up names an agreement of its own client that is
open at that time and was made on or before the contact; a contact with
nothing open makes an agreement; events name no agreement; after "lost" only
a "won" with a next step; a kept recurring agreement makes its occurrence;
recurring agreements only for clients with consent; every "next" and "from"
agree.  Prints what it counted, or the first problems, and exits 1 on any.
"""
import csv
import datetime
import sys

EVENTS = {"signal", "lost", "won", "referral"}
CLOSING = {"kept", "broken", "moved", "dropped"}


def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        yield from csv.DictReader(f, strict=True)


def period_add(date, every):
    n, unit = int(every[:-1]), every[-1]
    if unit == "d":
        return date + datetime.timedelta(days=n)
    if unit == "w":
        return date + datetime.timedelta(days=7 * n)
    months = n if unit == "m" else 12 * n
    t = date.year * 12 + date.month - 1 + months
    y, m = divmod(t, 12)
    m += 1
    for d in range(date.day, 27, -1):
        try:
            return datetime.date(y, m, d)
        except ValueError:
            continue
    return datetime.date(y, m, min(date.day, 28))


def main():
    d = sys.argv[1]
    bad = []

    def fail(msg):
        bad.append(msg)
        if len(bad) >= 20:
            report()

    def report():
        for b in bad:
            print("check: " + b)
        sys.exit(1)

    clients, prev = {}, 0
    for r in rows(d + "/clients.csv"):
        i = int(r["id"])
        if i <= prev:
            fail("clients: id %d not ascending" % i)
        prev = i
        clients[i] = r
    for i, r in clients.items():
        if r["referred_by"] and int(r["referred_by"]) not in clients:
            fail("clients: %d referred_by a missing client" % i)

    agreements, prev = {}, 0
    for r in rows(d + "/agreements.csv"):
        i = int(r["id"])
        if i <= prev:
            fail("agreements: id %d not ascending" % i)
        prev = i
        if int(r["client"]) not in clients:
            fail("agreements: %d names a missing client" % i)
        if r["due"] < r["made"]:
            fail("agreements: %d due before made" % i)
        if r["every"] and clients[int(r["client"])]["consent"] != "yes":
            fail("agreements: %d recurring without consent" % i)
        if not r["what"]:
            fail("agreements: %d has no step" % i)
        agreements[i] = r
    by_from = {}
    for i, a in agreements.items():
        if a["from"]:
            by_from.setdefault(int(a["from"]), []).append(i)

    closed, lost, lost_at, prev, n = set(), set(), {}, 0, 0
    count = {}
    for r in rows(d + "/log.csv"):
        i, c, o = int(r["id"]), int(r["client"]), r["outcome"]
        n += 1
        count[o or "(first contact)"] = count.get(o or "(first contact)",
                                                  0) + 1
        if i <= prev:
            fail("log: id %d not ascending" % i)
        prev = i
        if c not in clients:
            fail("log %d: client %d missing" % (i, c))
            continue
        nxt = int(r["next"]) if r["next"] else 0
        made = by_from.get(i, [])
        if nxt and nxt not in made:
            fail("log %d: next %d was not made by this row" % (i, nxt))
        for m in made:
            a = agreements[m]
            if a["made"] != r["date"] or int(a["client"]) != c:
                fail("log %d: agreement %d made elsewhen or for another "
                     "client" % (i, m))
        if made and not nxt:
            fail("log %d: made agreements but names none in next" % i)
        if c in lost and o != "won":
            fail("log %d: client %d is lost" % (i, c))
        if o in EVENTS or o == "":
            if r["agreement"]:
                fail("log %d: event or first contact names an agreement" % i)
            if o == "" and not nxt:
                fail("log %d: a contact with nothing to follow makes no step"
                     % i)
            if o == "lost":
                lost.add(c)
                lost_at[c] = (r["date"], i)
            if o == "won":
                if c not in lost or not nxt:
                    fail("log %d: won without a loss or a next step" % i)
                lost.discard(c)
            continue
        if o not in CLOSING:
            fail("log %d: outcome %r" % (i, o))
            continue
        a_id = int(r["agreement"])
        a = agreements.get(a_id)
        if a is None:
            fail("log %d: agreement %d missing" % (i, a_id))
            continue
        if int(a["client"]) != c:
            fail("log %d: agreement %d is another client's" % (i, a_id))
        if a_id in closed:
            fail("log %d: agreement %d is not open any more" % (i, a_id))
        if a["made"] > r["date"] or (a["from"] and int(a["from"]) >= i):
            fail("log %d: agreement %d made after the contact" % (i, a_id))
        if c in lost_at and (a["made"], int(a["from"] or 0)) < lost_at[c]:
            fail("log %d: agreement %d was dropped with the loss" %
                 (i, a_id))
        closed.add(a_id)
        if o == "moved" and not nxt:
            fail("log %d: moved makes no continuing step" % i)
        if o == "kept" and a["every"]:
            date = datetime.date.fromisoformat(r["date"])
            want = period_add(date, a["every"]).isoformat()
            if not any(agreements[m]["what"] == a["what"] and
                       agreements[m]["every"] == a["every"] and
                       agreements[m]["channel"] == a["channel"] and
                       agreements[m]["due"] == want for m in made):
                fail("log %d: kept recurring %d made no occurrence" %
                     (i, a_id))
    for i, a in agreements.items():
        if a["from"] and int(a["from"]) > prev:
            fail("agreements: %d from a missing log row" % i)
    if bad:
        report()
    print("check: %s: %d clients, %d agreements, %d log rows; %s" % (
        d, len(clients), len(agreements), n,
        ", ".join("%s %d" % kv for kv in sorted(count.items()))))


main()
