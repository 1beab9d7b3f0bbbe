import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// This process's resource use (getrusage) and the machine's CPU time (/proc/stat).
enum ResourceUsage {
    /// Peak resident set size of this process, in MiB (ru_maxrss is in KiB on Linux).
    static func peakMemoryMib() -> Double {
        var usage = rusage()
        getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    /// User plus system CPU seconds of this process so far.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// Busy and total CPU ticks of the whole machine (all cores), from the first line of
    /// /proc/stat; zeros where it cannot be read.
    static func machineTicks() -> (busy: Int, total: Int) {
        guard let text = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
              let line = text.split(separator: "\n").first, line.hasPrefix("cpu ") else { return (0, 0) }
        let fields = line.split(separator: " ").dropFirst().compactMap { Int($0) }
        guard fields.count >= 5 else { return (0, 0) }
        let total = fields.prefix(8).reduce(0, +)
        let idle = fields[3] + fields[4]    // idle + iowait
        return (total - idle, total)
    }

    /// CPU ticks used so far by the PostgreSQL server processes, the RabbitMQ node and this
    /// process, from /proc/<pid>/stat (processes that ended meanwhile are not counted).
    /// PostgreSQL backends serving another database than `database` count as other work.
    static func processTicks(database: String) -> [String: Int] {
        var ticks: [String: Int] = ["postgresql": 0, "postgresql_background": 0, "rabbitmq": 0, "bench": 0]
        let me = getpid()
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return ticks }
        for entry in entries {
            guard let pid = Int32(entry),
                  let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let open = stat.firstIndex(of: "("), let close = stat.lastIndex(of: ")") else { continue }
            let name = stat[stat.index(after: open)..<close]
            let group: String
            if pid == me {
                group = "bench"
            } else if name == "postgres" {
                // A client backend shows "postgres: <user> <database> <host>(<port>) <state>".
                let title = (try? String(contentsOfFile: "/proc/\(entry)/cmdline", encoding: .utf8)) ?? ""
                let words = title.split(whereSeparator: { $0 == " " || $0 == "\0" })
                let isClient = words.contains { $0.hasSuffix(")") && $0.contains("(") }
                guard !isClient || words.contains(Substring(database)) else { continue }
                // Background processes: checkpointer, WAL writer, autovacuum, …
                group = isClient ? "postgresql" : "postgresql_background"
            } else if name.hasPrefix("beam") || name == "erl_child_setup" || name == "epmd" {
                group = "rabbitmq"
            } else {
                continue
            }
            // Fields after the command: state is field 3; utime and stime are fields 14 and 15.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 13, let user = Int(fields[11]), let system = Int(fields[12]) else { continue }
            ticks[group, default: 0] += user + system
        }
        return ticks
    }

    /// Clock ticks per second of the /proc figures.
    static var ticksPerSecond: Double { Double(sysconf(Int32(_SC_CLK_TCK))) }

    /// The 1-minute load average.
    static func loadAverage() -> Double {
        var loads = [Double](repeating: 0, count: 3)
        return getloadavg(&loads, 3) > 0 ? loads[0] : 0
    }

    /// CPU seconds used between two readings, per group, with `other` (the rest of the
    /// machine) and `idle`.
    static func cpuSeconds(
        from start: (processes: [String: Int], machine: (busy: Int, total: Int)),
        to end: (processes: [String: Int], machine: (busy: Int, total: Int))
    ) -> [String: Double] {
        var cpu: [String: Double] = [:]
        var accounted = 0
        for (group, ticks) in end.processes {
            let used = max(0, ticks - (start.processes[group] ?? 0))
            accounted += used
            cpu[group] = Double(used) / ticksPerSecond
        }
        let busy = end.machine.busy - start.machine.busy
        cpu["other"] = Double(max(0, busy - accounted)) / ticksPerSecond
        cpu["idle"] = Double(max(0, (end.machine.total - start.machine.total) - busy)) / ticksPerSecond
        return cpu.mapValues { $0.rounded(places: 2) }
    }
}
