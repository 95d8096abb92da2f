//! GPU-resident graph geometry for the glow renderer: node data lives in textures (world
//! position, radius and shape, colour, emphasis flags), the visible nodes and edges in instance
//! buffers. A frame only sets uniforms (camera, colours, level of detail) and issues two
//! instanced draws; data is uploaded when [`super::gpu_scene`] hands over a new block (a layout
//! step is one upload of positions). The shaders compute what `draw::edge_pass` and
//! `draw::draw_nodes` compute on the CPU (trimmed edges with arrowheads, dots and kind shapes
//! by screen radius, dimming), and egui_glow's colour handling, so the picture is the same.

use eframe::egui_glow;
use eframe::glow::{self, HasContext};
use std::sync::{Arc, Mutex};

/// Width of the node data textures: node `i` is texel `(i % W, i / W)`.
pub const TEX_WIDTH: usize = 2048;

/// Rows needed for `n` nodes (at least one, so textures are never empty).
pub fn tex_rows(n: usize) -> usize {
    n.div_ceil(TEX_WIDTH).max(1)
}

/// Data for the GPU, replaced by the canvas when it changes and taken by the paint thread.
#[derive(Default)]
pub struct Pending {
    /// World position per node index, padded to `TEX_WIDTH * rows`.
    pub positions: Option<Vec<[f32; 2]>>,
    /// World radius (times the overlay's scale) and shape number per node index.
    pub style: Option<Vec<[f32; 2]>>,
    /// Premultiplied fill per node index.
    pub colors: Option<Vec<[u8; 4]>>,
    /// Per node index: 1 emphasised, 2 in the hover focus, 4 hovered or selected.
    pub flags: Option<Vec<u8>>,
    /// The visible nodes (instances of the node draw).
    pub nodes: Option<Vec<u32>>,
    /// The visible edges `[source, target, id]`; the id's top bit marks an edge drawn on top.
    pub edges: Option<Vec<[u32; 3]>>,
}

/// What one frame's draws need besides the uploaded data.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Uniforms {
    /// Canvas centre in points, and the camera (world centre, zoom).
    pub origin: [f32; 2],
    pub cam: [f32; 2],
    pub zoom: f32,
    pub hover_focus: bool,
    pub dim_others: bool,
    /// Thin edges: line colours lit and dimmed (premultiplied, 0–1), arrowhead colours,
    /// whether an edge's own ends decide (a view's emphasis), width, arrowheads, sampling.
    pub line_lit: [f32; 4],
    pub line_dim: [f32; 4],
    pub head_lit: [f32; 4],
    pub head_dim: [f32; 4],
    pub per_node: bool,
    pub width: f32,
    pub arrows: bool,
    pub stride: u32,
    /// The selected edge (drawn on top), `u32::MAX` for none.
    pub selected_edge: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pass {
    Edges,
    Nodes,
}

/// Shared between the canvas (which fills `pending`) and the paint callbacks (which upload it
/// and draw); `gl` is created on the paint thread at first use.
#[derive(Default)]
pub struct Shared {
    pub pending: Pending,
    gl: Option<GlScene>,
    /// The programs could not be built: the canvas draws on the CPU from then on.
    pub failed: bool,
    /// Uploads done, per kind of block (positions, style, colours, flags, nodes, edges).
    pub uploads: [u64; 6],
}

/// A paint callback drawing `pass` with `u`, clipped to `rect`.
pub fn shape(
    shared: &Arc<Mutex<Shared>>,
    rect: egui::Rect,
    pass: Pass,
    u: Uniforms,
) -> egui::Shape {
    let shared = shared.clone();
    let callback = egui_glow::CallbackFn::new(move |info, painter| {
        let gl = painter.gl();
        let mut guard = shared.lock().unwrap_or_else(|e| e.into_inner());
        let s = &mut *guard;
        if s.failed {
            return;
        }
        if s.gl.is_none() {
            match GlScene::new(gl) {
                Ok(g) => s.gl = Some(g),
                Err(e) => {
                    eprintln!("canvas: GPU-resident drawing unavailable, drawing on the CPU: {e}");
                    s.failed = true;
                    return;
                }
            }
        }
        if let Some(g) = s.gl.as_mut() {
            // SAFETY: called by egui_glow on its GL context with its state prepared; we bind
            // our own objects (texture units 1–4), and restore unit 0 and the vertex array.
            unsafe {
                g.upload(gl, &mut s.pending, &mut s.uploads);
                g.draw(gl, &info, pass, &u);
            }
        }
    });
    egui::Shape::Callback(egui::PaintCallback {
        rect,
        callback: Arc::new(callback),
    })
}

struct Program {
    program: glow::Program,
    vao: glow::VertexArray,
    uniforms: Vec<(&'static str, Option<glow::UniformLocation>)>,
}

impl Program {
    fn loc(&self, name: &str) -> Option<&glow::UniformLocation> {
        self.uniforms
            .iter()
            .find(|(n, _)| *n == name)
            .and_then(|(_, l)| l.as_ref())
    }
}

struct GlScene {
    nodes: Program,
    edges: Program,
    /// Position, style, colour and flags textures (units 1–4).
    textures: [glow::Texture; 4],
    node_buf: glow::Buffer,
    edge_buf: glow::Buffer,
    node_count: i32,
    edge_count: i32,
}

const COMMON: &str = r#"
uniform highp sampler2D u_pos;
uniform highp sampler2D u_style;
uniform highp sampler2D u_color;
uniform highp sampler2D u_flags;
uniform vec2 u_screen;
uniform vec2 u_origin;
uniform vec2 u_cam;
uniform float u_zoom;
uniform int u_hover_focus;
uniform int u_dim_others;
out vec4 v_rgba_in_gamma;
const vec4 NOTHING = vec4(2.0, 2.0, 2.0, 1.0);
ivec2 texel(uint i) { return ivec2(int(i % 2048u), int(i / 2048u)); }
vec2 screen_of(uint i) {
    vec2 w = texelFetch(u_pos, texel(i), 0).xy;
    return u_origin + vec2((w.x - u_cam.x) * u_zoom, (w.y - u_cam.y) * u_zoom);
}
float radius_of(uint i) { return clamp(texelFetch(u_style, texel(i), 0).x * u_zoom, 2.5, 60.0); }
int flags_of(uint i) { return int(texelFetch(u_flags, texel(i), 0).x * 255.0 + 0.5); }
bool lit(int f) {
    return (u_hover_focus == 0 || (f & 2) != 0) && (u_dim_others == 0 || (f & 1) != 0);
}
vec4 clip_of(vec2 p) {
    return vec4(2.0 * p.x / u_screen.x - 1.0, 1.0 - 2.0 * p.y / u_screen.y, 0.0, 1.0);
}
"#;

// Dots below 3 points, kind shapes below 7 (`scene::DOT_RADIUS`, `SHAPE_RADIUS`); larger
// nodes are drawn by the CPU with their outline. A fan of up to eight vertices per node.
const NODE_VS: &str = r#"
in uint a_node;
uniform vec2 u_poly[64];
uniform vec3 u_meta[8];
void main() {
    gl_Position = NOTHING;
    v_rgba_in_gamma = vec4(0.0);
    uint i = a_node;
    vec2 p = screen_of(i);
    float r = radius_of(i);
    if (!(r < 7.0) || isnan(p.x) || isnan(p.y)) { return; }
    int shape = r < 3.0 ? 0 : int(texelFetch(u_style, texel(i), 0).y + 0.5);
    vec3 m = u_meta[shape];
    int tri = gl_VertexID / 3;
    int corner = gl_VertexID - tri * 3;
    int k = corner == 0 ? 0 : min(tri + corner, int(m.x) - 1);
    float s = r * m.y;
    vec2 c = vec2(p.x, p.y + m.z * r);
    gl_Position = clip_of(c + u_poly[shape * 8 + k] * s);
    vec4 col = texelFetch(u_color, texel(i), 0);
    v_rgba_in_gamma = lit(flags_of(i)) ? col : col * 0.22;
}
"#;

// `draw::edge_pass`: the part between the rims (one point before the target), a quad of the
// line's width (at least one point) and an arrowhead when zoomed in.
const EDGE_VS: &str = r#"
in uvec3 a_edge;
uniform int u_stride;
uniform int u_arrows;
uniform float u_width;
uniform vec4 u_line_lit;
uniform vec4 u_line_dim;
uniform vec4 u_head_lit;
uniform vec4 u_head_dim;
uniform int u_per_node;
uniform uint u_sel_edge;
void main() {
    gl_Position = NOTHING;
    v_rgba_in_gamma = vec4(0.0);
    uint sa = a_edge.x;
    uint sb = a_edge.y;
    uint id = a_edge.z;
    if ((id & 0x80000000u) != 0u || id == u_sel_edge) { return; }
    if (u_stride > 1 && (id % uint(u_stride)) != 0u) { return; }
    int fa = flags_of(sa);
    int fb = flags_of(sb);
    if (((fa | fb) & 4) != 0) { return; }
    vec2 a = screen_of(sa);
    vec2 b = screen_of(sb);
    float ra = radius_of(sa);
    float rb = radius_of(sb);
    vec2 d = b - a;
    float len = sqrt(d.x * d.x + d.y * d.y);
    if (!(len > ra + rb + 1.0)) { return; }
    vec2 dir = d / len;
    vec2 start = a + dir * ra;
    vec2 tip = b - dir * (rb + 1.0);
    bool on = u_per_node == 0 || (fa & fb & 1) != 0;
    vec2 e = tip - start;
    float l = sqrt(e.x * e.x + e.y * e.y);
    int v = gl_VertexID;
    vec2 q;
    if (v < 6) {
        if (!(l > 0.0)) { return; }
        vec2 n = vec2(-e.y, e.x) * (0.5 * max(u_width, 1.0) / l);
        int corner = v < 3 ? v : (v == 3 ? 1 : (v == 4 ? 3 : 2));
        q = (corner < 2 ? start : tip) + ((corner == 0 || corner == 2) ? n : -n);
        v_rgba_in_gamma = on ? u_line_lit : u_line_dim;
    } else {
        float head = min(7.0, l * 0.5);
        if (u_arrows == 0 || !(head > 2.0)) { return; }
        vec2 back = tip - dir * head;
        vec2 perp = vec2(-dir.y, dir.x) * head * 0.5;
        q = v == 6 ? tip : (v == 7 ? back + perp : back - perp);
        v_rgba_in_gamma = on ? u_head_lit : u_head_dim;
    }
    gl_Position = clip_of(q);
}
"#;

// egui_glow's fragment shader for untextured vertices, dithering included (see `gpu.rs`).
const FRAGMENT: &str = r#"
in vec4 v_rgba_in_gamma;
out vec4 f_color;
float interleaved_gradient_noise(vec2 n) {
    float f = 0.06711056 * n.x + 0.00583715 * n.y;
    return fract(52.9829189 * fract(f));
}
void main() {
    vec4 c = v_rgba_in_gamma;
    float noise = (interleaved_gradient_noise(gl_FragCoord.xy) - 0.5) * 0.95;
    c.rgb = c.rgb + noise / 255.0;
    f_color = c;
}
"#;

const NODE_UNIFORMS: &[&str] = &[
    "u_pos",
    "u_style",
    "u_color",
    "u_flags",
    "u_screen",
    "u_origin",
    "u_cam",
    "u_zoom",
    "u_hover_focus",
    "u_dim_others",
    "u_poly",
    "u_meta",
];
const EDGE_UNIFORMS: &[&str] = &[
    "u_pos",
    "u_style",
    "u_color",
    "u_flags",
    "u_screen",
    "u_origin",
    "u_cam",
    "u_zoom",
    "u_hover_focus",
    "u_dim_others",
    "u_stride",
    "u_arrows",
    "u_width",
    "u_line_lit",
    "u_line_dim",
    "u_head_lit",
    "u_head_dim",
    "u_per_node",
    "u_sel_edge",
];

/// Shape tables for the node shader: `(points, scale, dy)` per shape number (0 is the dot).
pub fn shape_tables() -> ([f32; 128], [f32; 24]) {
    let mut poly = [0.0; 128];
    let mut meta = [0.0; 24];
    for s in 0..8 {
        let (pts, scale, dy) = super::batch::shape_polygon(s);
        for (k, p) in pts.iter().enumerate().take(8) {
            poly[(s * 8 + k) * 2] = p[0];
            poly[(s * 8 + k) * 2 + 1] = p[1];
        }
        meta[s * 3] = pts.len() as f32;
        meta[s * 3 + 1] = scale;
        meta[s * 3 + 2] = dy;
    }
    (poly, meta)
}

/// # Safety
/// `T` must be plain data without padding (here `f32`, `u8`, `u32` and arrays of them).
unsafe fn bytes<T>(v: &[T]) -> &[u8] {
    // SAFETY: only called with `f32`, `u8` and `u32` arrays: no padding, any bit pattern.
    unsafe { std::slice::from_raw_parts(v.as_ptr().cast::<u8>(), std::mem::size_of_val(v)) }
}

impl GlScene {
    fn new(gl: &glow::Context) -> Result<Self, String> {
        let v = gl.version();
        let ok = if v.is_embedded {
            v.major >= 3
        } else {
            (v.major, v.minor) >= (3, 3)
        };
        if !ok {
            return Err("needs OpenGL 3.3 or OpenGL ES 3.0 (instancing, texelFetch)".into());
        }
        let header = if v.is_embedded {
            "#version 300 es\nprecision highp float;\nprecision highp int;\n"
        } else {
            "#version 330 core\n"
        };
        // SAFETY: plain GL object creation on the current context; every object is checked.
        unsafe {
            let nodes = program(gl, header, NODE_VS, NODE_UNIFORMS, "a_node")?;
            let edges = program(gl, header, EDGE_VS, EDGE_UNIFORMS, "a_edge")?;
            let mut textures = Vec::new();
            for _ in 0..4 {
                let t = gl.create_texture()?;
                gl.bind_texture(glow::TEXTURE_2D, Some(t));
                for p in [glow::TEXTURE_MIN_FILTER, glow::TEXTURE_MAG_FILTER] {
                    gl.tex_parameter_i32(glow::TEXTURE_2D, p, glow::NEAREST as i32);
                }
                textures.push(t);
            }
            gl.bind_texture(glow::TEXTURE_2D, None);
            let (node_buf, edge_buf) = (gl.create_buffer()?, gl.create_buffer()?);
            for (p, buf, loc, size) in [
                (&nodes, node_buf, "a_node", 1),
                (&edges, edge_buf, "a_edge", 3),
            ] {
                let a = gl
                    .get_attrib_location(p.program, loc)
                    .ok_or("no instance attribute")?;
                gl.bind_vertex_array(Some(p.vao));
                gl.bind_buffer(glow::ARRAY_BUFFER, Some(buf));
                gl.vertex_attrib_pointer_i32(a, size, glow::UNSIGNED_INT, 4 * size, 0);
                gl.vertex_attrib_divisor(a, 1);
                gl.enable_vertex_attrib_array(a);
            }
            gl.bind_vertex_array(None);
            gl.bind_buffer(glow::ARRAY_BUFFER, None);
            let (poly, meta) = shape_tables();
            gl.use_program(Some(nodes.program));
            gl.uniform_2_f32_slice(nodes.loc("u_poly"), &poly);
            gl.uniform_3_f32_slice(nodes.loc("u_meta"), &meta);
            for p in [&nodes, &edges] {
                gl.use_program(Some(p.program));
                for (k, name) in ["u_pos", "u_style", "u_color", "u_flags"]
                    .iter()
                    .enumerate()
                {
                    gl.uniform_1_i32(p.loc(name), k as i32 + 1);
                }
            }
            let [t0, t1, t2, t3] = [textures[0], textures[1], textures[2], textures[3]];
            Ok(GlScene {
                nodes,
                edges,
                textures: [t0, t1, t2, t3],
                node_buf,
                edge_buf,
                node_count: 0,
                edge_count: 0,
            })
        }
    }

    /// Upload whatever the canvas handed over since the last paint.
    unsafe fn upload(&mut self, gl: &glow::Context, p: &mut Pending, count: &mut [u64; 6]) {
        let w = TEX_WIDTH as i32;
        // SAFETY: our textures and buffers on the current context; slices are plain data.
        unsafe {
            gl.pixel_store_i32(glow::UNPACK_ALIGNMENT, 1);
            let tex = |t: glow::Texture,
                       internal: u32,
                       format: u32,
                       ty: u32,
                       data: &[u8],
                       texels: usize| {
                let rows = (texels / TEX_WIDTH).max(1) as i32;
                gl.bind_texture(glow::TEXTURE_2D, Some(t));
                gl.tex_image_2d(
                    glow::TEXTURE_2D,
                    0,
                    internal as i32,
                    w,
                    rows,
                    0,
                    format,
                    ty,
                    glow::PixelUnpackData::Slice(Some(data)),
                );
            };
            if let Some(v) = p.positions.take() {
                tex(
                    self.textures[0],
                    glow::RG32F,
                    glow::RG,
                    glow::FLOAT,
                    bytes(&v),
                    v.len(),
                );
                count[0] += 1;
            }
            if let Some(v) = p.style.take() {
                tex(
                    self.textures[1],
                    glow::RG32F,
                    glow::RG,
                    glow::FLOAT,
                    bytes(&v),
                    v.len(),
                );
                count[1] += 1;
            }
            if let Some(v) = p.colors.take() {
                let rgba = glow::RGBA;
                tex(
                    self.textures[2],
                    glow::RGBA8,
                    rgba,
                    glow::UNSIGNED_BYTE,
                    bytes(&v),
                    v.len(),
                );
                count[2] += 1;
            }
            if let Some(v) = p.flags.take() {
                tex(
                    self.textures[3],
                    glow::R8,
                    glow::RED,
                    glow::UNSIGNED_BYTE,
                    bytes(&v),
                    v.len(),
                );
                count[3] += 1;
            }
            gl.bind_texture(glow::TEXTURE_2D, None);
            if let Some(v) = p.nodes.take() {
                gl.bind_buffer(glow::ARRAY_BUFFER, Some(self.node_buf));
                gl.buffer_data_u8_slice(glow::ARRAY_BUFFER, bytes(&v), glow::STATIC_DRAW);
                self.node_count = v.len() as i32;
                count[4] += 1;
            }
            if let Some(v) = p.edges.take() {
                gl.bind_buffer(glow::ARRAY_BUFFER, Some(self.edge_buf));
                gl.buffer_data_u8_slice(glow::ARRAY_BUFFER, bytes(&v), glow::STATIC_DRAW);
                self.edge_count = v.len() as i32;
                count[5] += 1;
            }
            gl.bind_buffer(glow::ARRAY_BUFFER, None);
        }
    }

    unsafe fn draw(
        &self,
        gl: &glow::Context,
        info: &egui::PaintCallbackInfo,
        pass: Pass,
        u: &Uniforms,
    ) {
        let (p, vertices, instances) = match pass {
            Pass::Edges => (&self.edges, 9, self.edge_count),
            Pass::Nodes => (&self.nodes, 18, self.node_count),
        };
        if instances == 0 {
            return;
        }
        let [w, h] = info.screen_size_px;
        let ppp = info.pixels_per_point;
        // SAFETY: raw GL calls on egui_glow's context, on objects created on it.
        unsafe {
            gl.viewport(0, 0, w as i32, h as i32);
            gl.use_program(Some(p.program));
            for (k, t) in self.textures.iter().enumerate() {
                gl.active_texture(glow::TEXTURE1 + k as u32);
                gl.bind_texture(glow::TEXTURE_2D, Some(*t));
            }
            gl.active_texture(glow::TEXTURE0);
            gl.uniform_2_f32(p.loc("u_screen"), w as f32 / ppp, h as f32 / ppp);
            gl.uniform_2_f32(p.loc("u_origin"), u.origin[0], u.origin[1]);
            gl.uniform_2_f32(p.loc("u_cam"), u.cam[0], u.cam[1]);
            gl.uniform_1_f32(p.loc("u_zoom"), u.zoom);
            gl.uniform_1_i32(p.loc("u_hover_focus"), u.hover_focus as i32);
            gl.uniform_1_i32(p.loc("u_dim_others"), u.dim_others as i32);
            if pass == Pass::Edges {
                gl.uniform_1_i32(p.loc("u_stride"), u.stride.min(i32::MAX as u32) as i32);
                gl.uniform_1_i32(p.loc("u_arrows"), u.arrows as i32);
                gl.uniform_1_f32(p.loc("u_width"), u.width);
                for (name, c) in [
                    ("u_line_lit", u.line_lit),
                    ("u_line_dim", u.line_dim),
                    ("u_head_lit", u.head_lit),
                    ("u_head_dim", u.head_dim),
                ] {
                    gl.uniform_4_f32(p.loc(name), c[0], c[1], c[2], c[3]);
                }
                gl.uniform_1_i32(p.loc("u_per_node"), u.per_node as i32);
                gl.uniform_1_u32(p.loc("u_sel_edge"), u.selected_edge);
            }
            gl.bind_vertex_array(Some(p.vao));
            gl.draw_arrays_instanced(glow::TRIANGLES, 0, vertices, instances);
            gl.bind_vertex_array(None);
        }
    }
}

/// Compile and link one program; `attr` is its instance attribute.
unsafe fn program(
    gl: &glow::Context,
    header: &str,
    vs: &str,
    uniforms: &[&'static str],
    attr: &str,
) -> Result<Program, String> {
    // SAFETY: plain GL object creation on the current context; every object is checked.
    unsafe {
        let program = super::gpu::link_program(
            gl,
            &format!("{header}{COMMON}{vs}"),
            &format!("{header}{FRAGMENT}"),
        )?;
        if gl.get_attrib_location(program, attr).is_none() {
            return Err(format!("no {attr} attribute"));
        }
        let uniforms = uniforms
            .iter()
            .map(|n| (*n, gl.get_uniform_location(program, n)))
            .collect();
        let vao = gl.create_vertex_array()?;
        Ok(Program {
            program,
            vao,
            uniforms,
        })
    }
}
