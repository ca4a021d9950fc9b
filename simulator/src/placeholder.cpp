// Placeholder so the library has a source until the simulator lands.
namespace sim {
int placeholder() { return 0; }
} // namespace sim
