// Every conformance vector of tests/vectors through `run(op:input:)`, compared as every language's
// runner does: `expected` is a subset of the answer (every key it names present and equal,
// recursively; arrays of the same length matched item by item); `expected_error` is the code of
// the ArrearsError thrown.

import Foundation
import XCTest
import Arrears

/// The repository's tests/vectors, from this file's place (Tests/ArrearsTests/ in
/// bindings-swift/swift/), or ARREARS_VECTORS.
func vectorsDirectory() -> URL {
    if let dir = ProcessInfo.processInfo.environment["ARREARS_VECTORS"] {
        return URL(fileURLWithPath: dir)
    }
    return URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("tests/vectors")
}

func subset(_ expected: Any, _ actual: Any?, _ path: String = "$") -> String? {
    if let e = expected as? [String: Any] {
        guard let a = actual as? [String: Any] else { return "\(path): expected an object, got \(String(describing: actual))" }
        for (k, v) in e.sorted(by: { $0.key < $1.key }) {
            guard let av = a[k] else { return "\(path).\(k): missing" }
            if let problem = subset(v, av, "\(path).\(k)") { return problem }
        }
        return nil
    }
    if let e = expected as? [Any] {
        guard let a = actual as? [Any], a.count == e.count else {
            return "\(path): expected \(e.count) items, got \(String(describing: actual))"
        }
        for (i, (ev, av)) in zip(e, a).enumerated() {
            if let problem = subset(ev, av, "\(path)[\(i)]") { return problem }
        }
        return nil
    }
    if let e = expected as? NSObject, let a = actual as? NSObject, e.isEqual(a) { return nil }
    return "\(path): expected \(expected), got \(String(describing: actual))"
}

final class VectorTests: XCTestCase {
    func testEveryVector() throws {
        let root = vectorsDirectory()
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }
            .filter { $0.pathExtension == "json" }
            .sorted { $0.path < $1.path }
        XCTAssertFalse(files.isEmpty, "no vectors under \(root.path)")
        var passed = 0
        var failed = 0
        for file in files {
            let doc = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as! [String: Any]
            for case let c as [String: Any] in doc["cases"] as! [Any] {
                let id = c["id"] as! String
                let op = c["op"] as! String
                let input = String(
                    data: try JSONSerialization.data(withJSONObject: c["input"]!, options: [.fragmentsAllowed]),
                    encoding: .utf8)!
                var problem: String?
                do {
                    let answer = try Arrears.run(op: op, input: input)
                    if let code = c["expected_error"] as? String {
                        problem = "expected the error \(code), got an answer"
                    } else {
                        let actual = try JSONSerialization.jsonObject(with: Data(answer.utf8), options: [.fragmentsAllowed])
                        problem = subset(c["expected"]!, actual)
                    }
                } catch let e as ArrearsError {
                    if let code = c["expected_error"] as? String {
                        if e.code != code { problem = "expected \(code), got \(e.code): \(e.reason)" }
                    } else {
                        problem = "unexpected error \(e.code): \(e.reason)"
                    }
                }
                if let problem {
                    failed += 1
                    XCTFail("vector \(id): \(problem)")
                } else {
                    passed += 1
                }
            }
        }
        print("vectors: \(passed) passed, \(failed) failed")
        XCTAssertGreaterThan(passed, 0)
    }
}
