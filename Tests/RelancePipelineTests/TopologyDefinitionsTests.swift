import Foundation
import RelanceCore
import RelancePipeline
import Testing

/// `deploy/rabbitmq-definitions.json` (for operators who load definitions into the broker)
/// must describe the same topology the pipeline declares at start-up.
@Suite("Broker definitions file")
struct TopologyDefinitionsTests {
    @Test("Every queue the pipeline declares is in the definitions file, with the same dead-letter routing")
    func definitionsMatchTopology() throws {
        let url = PipelineHarness.repositoryRoot.appendingPathComponent("deploy/rabbitmq-definitions.json")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        let queues = (json["queues"] as! [[String: Any]]).reduce(into: [String: [String: Any]]()) {
            $0[$1["name"] as! String] = $1["arguments"] as? [String: Any] ?? [:]
        }
        let bindings = Set((json["bindings"] as! [[String: Any]]).map { "\($0["source"]!)>\($0["destination"]!):\($0["routing_key"]!)" })
        for channel in JobTopology.queueChannels {
            let queue = JobTopology.queue(for: channel)
            #expect(queues[queue]?["x-queue-type"] as? String == "quorum")
            #expect(queues[queue]?["x-dead-letter-exchange"] as? String == JobTopology.deadLetterExchange)
            #expect(queues[queue]?["x-delivery-limit"] as? Int == Int(JobTopology().deliveryLimit))
            #expect(bindings.contains("\(JobTopology.jobsExchange)>\(queue):\(JobTopology.routingKey(for: channel))"))
            #expect(bindings.contains("\(JobTopology.deadLetterExchange)>\(JobTopology.deadLetterQueue(for: channel)):\(JobTopology.routingKey(for: channel))"))
            for tier in JobTopology.retryTiers.indices {
                let retry = queues[JobTopology.retryQueue(for: channel, tier: tier)]
                #expect(retry?["x-dead-letter-exchange"] as? String == JobTopology.jobsExchange)
                #expect(retry?["x-dead-letter-routing-key"] as? String == JobTopology.routingKey(for: channel))
            }
        }
        #expect(queues.count == JobTopology.queueChannels.count * (2 + JobTopology.retryTiers.count))
    }
}
