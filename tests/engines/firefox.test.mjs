// Firefox ESR: the journeys in journeys.mjs, in a process of their own.
import { journeys } from "./journeys.mjs";

journeys("firefox");
