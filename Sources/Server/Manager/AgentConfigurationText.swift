import Foundation
package import SiteAgent
import Yams

/// Agent configurations as people write them: YAML (JSON is YAML too).
package enum AgentConfigurationText {
    package static func decode(_ text: String) throws -> AgentBackendConfiguration {
        try YAMLDecoder().decode(AgentBackendConfiguration.self, from: text)
    }
}
