#include "sixlink/model/linkage_graph.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/pending/queue.hpp>
#include <string_view>
#include <unordered_map>

namespace sixlink {
namespace {

enum class LinkKind { kLinkage, kEmployment };

struct NodeData {
  EntityKind kind = EntityKind::kRegion;
  std::size_t position = 0;  // index in the scenario's vector of that kind
};

struct EdgeData {
  LinkKind kind = LinkKind::kLinkage;
};

using Graph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, NodeData, EdgeData>;
using Vertex = Graph::vertex_descriptor;

// Maps ids of each kind to their vertex.
class Builder {
 public:
  explicit Builder(Graph& graph) : graph_(graph) {}

  template <class T>
  void add_all(EntityKind kind, const std::vector<T>& items) {
    auto& ids = ids_[static_cast<int>(kind)];
    for (std::size_t i = 0; i < items.size(); ++i)
      ids.emplace(items[i].id, boost::add_vertex(NodeData{kind, i}, graph_));
  }
  // The vertex of `id`, or nothing for an empty or unknown id.
  const Vertex* find(EntityKind kind, std::string_view id) const {
    const auto& ids = ids_[static_cast<int>(kind)];
    const auto it = ids.find(id);
    return it == ids.end() ? nullptr : &it->second;
  }
  void link(EntityKind from_kind, std::string_view from, EntityKind to_kind, std::string_view to,
            LinkKind kind = LinkKind::kLinkage) {
    const Vertex* a = find(from_kind, from);
    const Vertex* b = find(to_kind, to);
    if (a != nullptr && b != nullptr) boost::add_edge(*a, *b, EdgeData{kind}, graph_);
  }

 private:
  Graph& graph_;
  std::unordered_map<std::string_view, Vertex> ids_[kEntityKindCount];
};

struct LinkageOnly {
  const Graph* graph = nullptr;
  bool operator()(Graph::edge_descriptor e) const { return (*graph)[e].kind == LinkKind::kLinkage; }
};

bool has_neighbour(const Graph& g, Vertex v, EntityKind kind, bool outgoing) {
  if (outgoing) {
    for (auto [it, end] = boost::out_edges(v, g); it != end; ++it)
      if (g[boost::target(*it, g)].kind == kind) return true;
  } else {
    for (auto [it, end] = boost::in_edges(v, g); it != end; ++it)
      if (g[boost::source(*it, g)].kind == kind) return true;
  }
  return false;
}

// Every entity a vertex; an edge for each reference between them (employment
// records as employment edges).
void build_graph(const Scenario& s, Builder& b) {
  using K = EntityKind;
  b.add_all(K::kRegion, s.regions);
  b.add_all(K::kCluster, s.clusters);
  b.add_all(K::kSector, s.sectors);
  b.add_all(K::kOccupation, s.occupations);
  b.add_all(K::kSpecialty, s.specialties);
  b.add_all(K::kSchool, s.schools);
  b.add_all(K::kProgramme, s.programmes);
  b.add_all(K::kEnterprise, s.enterprises);

  for (const auto& sector : s.sectors) b.link(K::kSector, sector.id, K::kCluster, sector.cluster);
  for (const auto& sp : s.specialties) {
    for (const auto& f : sp.occupations) {
      if (f.fit > 0.0) b.link(K::kSpecialty, sp.id, K::kOccupation, f.occupation);
    }
  }
  for (const auto& school : s.schools) b.link(K::kRegion, school.region, K::kSchool, school.id);
  for (const auto& p : s.programmes) {
    b.link(K::kSchool, p.school, K::kProgramme, p.id);
    b.link(K::kProgramme, p.id, K::kSpecialty, p.specialty);
  }
  for (const auto& e : s.enterprises) {
    b.link(K::kRegion, e.region, K::kEnterprise, e.id);
    b.link(K::kEnterprise, e.id, K::kSector, e.sector);
    for (const auto& o : e.openings) {
      if (o.count > 0) b.link(K::kOccupation, o.occupation, K::kEnterprise, e.id);
    }
  }
  for (const auto& r : s.employment) {
    if (!r.enterprise.empty()) {
      b.link(K::kProgramme, r.programme, K::kEnterprise, r.enterprise, LinkKind::kEmployment);
    } else if (!r.cluster.empty()) {
      b.link(K::kProgramme, r.programme, K::kCluster, r.cluster, LinkKind::kEmployment);
    }
  }
}

// The colour of each vertex after a search from every programme along linkage
// edges: white for the vertices the offered programmes do not reach.
std::vector<boost::default_color_type> reach_from_programmes(const Graph& g) {
  const boost::filtered_graph<Graph, LinkageOnly> linkage(g, LinkageOnly{&g});
  std::vector<boost::default_color_type> colour(boost::num_vertices(g), boost::white_color);
  auto colour_map =
      boost::make_iterator_property_map(colour.begin(), boost::get(boost::vertex_index, g));
  std::vector<Vertex> sources;
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    if (g[*it].kind == EntityKind::kProgramme) sources.push_back(*it);
  }
  boost::queue<Vertex> queue;
  boost::breadth_first_search(linkage, sources.begin(), sources.end(), queue,
                              boost::default_bfs_visitor(), colour_map);
  return colour;
}

// Connected components of the graph with its edges undirected.
Index count_components(const Graph& g) {
  const auto n = boost::num_vertices(g);
  std::vector<int> component(n);
  using Undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  Undirected u(n);
  for (auto [it, end] = boost::edges(g); it != end; ++it)
    boost::add_edge(boost::source(*it, g), boost::target(*it, g), u);
  return boost::connected_components(u, component.data());
}

// The findings, vertex by vertex in the order they were added.
void find_gaps(const Scenario& s, const Graph& g, const Builder& b,
               const std::vector<boost::default_color_type>& colour, LinkageFindings& f) {
  using K = EntityKind;
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    const Vertex v = *it;
    const NodeData& d = g[v];
    switch (d.kind) {
      case K::kSpecialty: {
        bool demanded = false;
        for (auto [e, e_end] = boost::out_edges(v, g); e != e_end && !demanded; ++e)
          demanded = has_neighbour(g, boost::target(*e, g), K::kEnterprise, true);
        if (!demanded) f.specialties_without_demand.push_back(s.specialties[d.position].id);
        break;
      }
      case K::kCluster:
        if (colour[v] == boost::white_color)
          f.clusters_without_supply.push_back(s.clusters[d.position].id);
        break;
      case K::kEnterprise:
        if (s.enterprises[d.position].sector.empty()) {
          f.enterprises_without_sector.push_back(s.enterprises[d.position].id);
        } else {
          const Vertex* sector = b.find(K::kSector, s.enterprises[d.position].sector);
          if (sector == nullptr || !has_neighbour(g, *sector, K::kCluster, true))
            f.enterprises_outside_clusters.push_back(s.enterprises[d.position].id);
        }
        break;
      case K::kRegion:
        if (!has_neighbour(g, v, K::kSchool, true))
          f.regions_without_schools.push_back(s.regions[d.position].id);
        break;
      case K::kOccupation:
        if (boost::in_degree(v, g) == 0 && boost::out_degree(v, g) == 0)
          f.occupations_unused.push_back(s.occupations[d.position].id);
        break;
      default:
        break;
    }
  }
}

}  // namespace

std::string_view to_string(EntityKind kind) {
  switch (kind) {
    case EntityKind::kRegion:
      return "region";
    case EntityKind::kCluster:
      return "cluster";
    case EntityKind::kSector:
      return "sector";
    case EntityKind::kOccupation:
      return "occupation";
    case EntityKind::kSpecialty:
      return "specialty";
    case EntityKind::kSchool:
      return "school";
    case EntityKind::kProgramme:
      return "programme";
    case EntityKind::kEnterprise:
      return "enterprise";
  }
  return "?";
}

bool LinkageFindings::empty() const {
  return specialties_without_demand.empty() && clusters_without_supply.empty() &&
         enterprises_without_sector.empty() && enterprises_outside_clusters.empty() &&
         regions_without_schools.empty() && occupations_unused.empty();
}

LinkageGraphSummary analyse_linkage(const Scenario& s) {
  Graph g;
  Builder b(g);
  build_graph(s, b);

  LinkageGraphSummary out;
  for (auto [it, end] = boost::vertices(g); it != end; ++it)
    ++out.nodes[static_cast<int>(g[*it].kind)];
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    ++out.edges;
    if (g[*it].kind == LinkKind::kEmployment) ++out.employment_edges;
  }
  // Which clusters the offered programmes reach along linkage edges. Regions reach
  // schools and enterprises but never programmes, so reaching a cluster means a
  // specialty -> occupation -> enterprise -> sector -> cluster path.
  const auto colour = reach_from_programmes(g);
  out.components = count_components(g);
  find_gaps(s, g, b, colour, out.findings);
  return out;
}

}  // namespace sixlink
