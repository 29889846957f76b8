fn main() {
    waymark::ui::mount();
}
