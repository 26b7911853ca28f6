/// The result of looking up something the user named.
enum Lookup<Item> {
    case none
    case one(Item)
    case ambiguous([Item])
}
